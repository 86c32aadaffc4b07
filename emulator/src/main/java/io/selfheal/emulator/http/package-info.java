/**
 * The HTTP layer: a small Netty server (used for the AWS front door and for each function's Runtime API endpoint),
 * and the plain request/response records the rest of the emulator works with. Bodies are aggregated, except those a
 * handler asks to read as they arrive ({@link io.selfheal.emulator.http.StreamedBody}); a response body may be a file
 * region ({@link io.selfheal.emulator.http.FileBody}).
 */
package io.selfheal.emulator.http;
