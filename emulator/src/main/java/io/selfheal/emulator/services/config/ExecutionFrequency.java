package io.selfheal.emulator.services.config;

import java.time.Duration;

/** {@code MaximumExecutionFrequency}: how often a periodic rule runs (24 hours unless the rule says otherwise). */
enum ExecutionFrequency {
    One_Hour(Duration.ofHours(1)),
    Three_Hours(Duration.ofHours(3)),
    Six_Hours(Duration.ofHours(6)),
    Twelve_Hours(Duration.ofHours(12)),
    TwentyFour_Hours(Duration.ofHours(24));

    static final ExecutionFrequency DEFAULT = TwentyFour_Hours;

    final Duration interval;

    ExecutionFrequency(Duration interval) {
        this.interval = interval;
    }

    /** The value, or null for null; refuses a value that is none of the five. */
    static ExecutionFrequency parse(String value, String member) {
        if (value == null) {
            return null;
        }
        for (ExecutionFrequency f : values()) {
            if (f.name().equals(value)) {
                return f;
            }
        }
        throw ConfigErrors.validation("1 validation error detected: Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[One_Hour, Six_Hours, Three_Hours, Twelve_Hours, TwentyFour_Hours]");
    }
}
