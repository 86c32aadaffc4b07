/**
 * selfheal's embedded AWS cloud. {@link io.selfheal.emulator.Emulator} starts it on one loopback port that the
 * unmodified AWS SDKs and CLI talk to.
 */
package io.selfheal.emulator;
