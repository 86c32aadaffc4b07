/** The {@code selfheal} command line: {@code run}, {@code validate}, {@code serve}. Exit codes: 0 all good, 1 a
 * scenario failed, 2 invalid input (a scenario file with mistakes, a bad option). */
package io.selfheal.harness.cli;
