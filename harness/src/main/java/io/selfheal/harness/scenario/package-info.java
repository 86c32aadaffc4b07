/**
 * The scenario model (records) and the loader that reads a scenario file into it — the stack through
 * {@link io.selfheal.harness.stack.StackReading}, faults and outcomes through their registered types — checking keys,
 * types and references and reporting every mistake with {@code file:line:column} and its key path.
 */
package io.selfheal.harness.scenario;
