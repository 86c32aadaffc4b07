package io.selfheal.harness.steps;

import java.time.Duration;

/**
 * A fault injected at a time after the steady state held ({@code - at: PT3M} beside the fault's key). The engine
 * advances the clock to {@code at} (on a virtual clock: timer by timer, so instances keep publishing metrics and
 * alarms keep evaluating; on a real clock: an Awaitility wait) and then injects {@code fault}.
 */
public record TimedFault(Duration at, Fault fault) implements Fault {

    @Override
    public String describe() {
        return "at " + at + ": " + fault.describe();
    }

    @Override
    public void inject(FaultContext run) {
        fault.inject(run);
    }

    /** When {@code fault} is due after the steady state: its {@code at}, or zero for an untimed fault. */
    public static Duration offset(Fault fault) {
        return fault instanceof TimedFault timed ? timed.at() : Duration.ZERO;
    }
}
