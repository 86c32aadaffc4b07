/**
 * A seeded fuzzer for the emulator's port: well-formed requests of every wire protocol, broken in the ways clients and
 * attackers break them ({@link io.selfheal.emulator.fuzz.FuzzCases}), sent as raw bytes over real sockets
 * ({@link io.selfheal.emulator.fuzz.RawExchange}) and judged by what AWS would answer
 * ({@link io.selfheal.emulator.fuzz.AnswerCheck}).
 */
package io.selfheal.emulator.fuzz;
