/**
 * The harness's side door, kept apart from the AWS shapes: the API call log, waiting until nothing is in flight,
 * and the typed components services register (Lambda invocations, EventBridge deliveries …). Reachable from Java
 * ({@link io.selfheal.emulator.control.ControlApi}) and over HTTP under {@code /_selfheal/}.
 */
package io.selfheal.emulator.control;
