/**
 * Reading YAML with positions: every node knows its {@code file:line:column} and key path, and every mistake is
 * collected as a {@link io.selfheal.harness.yaml.Problem} so a file's errors are reported all at once.
 */
package io.selfheal.harness.yaml;
