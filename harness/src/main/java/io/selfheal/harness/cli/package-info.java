/**
 * The {@code selfheal} command line (picocli): {@code run} (scenarios, with {@code --tags}, {@code --parallel},
 * {@code --report}), {@code validate}, {@code serve} (the emulator on its own), {@code events} (AWS's documented
 * event samples, made fresh), {@code test-pattern} (EventBridge pattern against an event, with the reason) and
 * {@code schema} (the scenario files' JSON Schema). Exit codes: 0 all good, 1 a scenario failed (or a pattern did
 * not match), 2 invalid input (a scenario file with mistakes, a bad option).
 */
package io.selfheal.harness.cli;
