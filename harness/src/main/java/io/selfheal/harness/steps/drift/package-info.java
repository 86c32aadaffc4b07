/**
 * The {@code configDrift} fault's pieces: what drifts ({@link io.selfheal.harness.steps.drift.DriftTarget}: an
 * instance, one of its volumes, a security group or a bucket) and how ({@link io.selfheal.harness.steps.drift.Drift}:
 * one small class per change, listed once in {@link io.selfheal.harness.steps.drift.Drifts}). Every change goes
 * through the AWS APIs only, so it works on any backend, and is one that AWS Config records and its rules evaluate.
 */
package io.selfheal.harness.steps.drift;
