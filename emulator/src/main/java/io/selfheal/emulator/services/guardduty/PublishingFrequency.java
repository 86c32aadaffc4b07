package io.selfheal.emulator.services.guardduty;

import java.time.Duration;

/** A detector's {@code FindingPublishingFrequency}: how often updates of existing findings are sent. */
enum PublishingFrequency {
    FIFTEEN_MINUTES(Duration.ofMinutes(15)), ONE_HOUR(Duration.ofHours(1)), SIX_HOURS(Duration.ofHours(6));

    final Duration interval;

    PublishingFrequency(Duration interval) {
        this.interval = interval;
    }

    /** @return the value, or null when it names none */
    static PublishingFrequency parse(String text) {
        for (PublishingFrequency f : values()) {
            if (f.name().equals(text)) {
                return f;
            }
        }
        return null;
    }
}
