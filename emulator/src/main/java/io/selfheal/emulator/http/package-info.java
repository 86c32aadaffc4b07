/**
 * The HTTP layer: a small Netty server (used for the AWS front door and for each function's Runtime API endpoint),
 * and the plain request/response records the rest of the emulator works with.
 */
package io.selfheal.emulator.http;
