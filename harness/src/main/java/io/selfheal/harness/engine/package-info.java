/**
 * Running a scenario: provision the stack through the AWS APIs, inject the faults, wait (bounded) for the outcomes
 * and, with a {@code recovery} bound, for the steady state's return (the MTTR), redeliver the trigger in each
 * idempotency mode, and explain any failure with what actually happened (down to each rule's nearest miss).
 */
package io.selfheal.harness.engine;
