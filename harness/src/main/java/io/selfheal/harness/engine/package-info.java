/**
 * Running a scenario: provision the stack through the AWS APIs, inject the faults, wait (bounded) for the outcomes,
 * redeliver the trigger to prove idempotency, and explain any failure with what actually happened.
 */
package io.selfheal.harness.engine;
