/**
 * The scenario model (records) and the loader that reads a scenario file into it, checking keys, types and
 * references and reporting every mistake with {@code file:line:column} and its key path.
 */
package io.selfheal.harness.scenario;
