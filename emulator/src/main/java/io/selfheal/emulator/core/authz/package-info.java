/**
 * IAM enforcement at the front door: the emulator's {@link io.selfheal.emulator.core.authz.IamMode} ({@code off},
 * {@code audit}, {@code enforce}), {@link io.selfheal.emulator.core.authz.Authorization} (who may call what, decided
 * by the policy engine from the operation's own registration: its IAM action and resource ARNs), the
 * {@link io.selfheal.emulator.core.authz.DecisionLog} the control API and the harness read, and AWS's words for a
 * denial ({@link io.selfheal.emulator.core.authz.AccessDeniedMessages}). Root keys are never checked: the default
 * {@code test} credentials stay the unrestricted account admin.
 */
package io.selfheal.emulator.core.authz;
