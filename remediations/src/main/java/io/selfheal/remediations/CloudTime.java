package io.selfheal.remediations;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import software.amazon.awssdk.core.SdkResponse;

/**
 * The time by the service that answered: AWS puts a {@code Date} header on every response. A record of when
 * something was done (a tag) takes it from there rather than from the function's own clock: on AWS the two agree,
 * and against an emulator on a virtual clock only the service's time agrees with the rest of the cloud (the
 * finding's and the events' times). Without the header, the function's clock.
 */
final class CloudTime {
    private CloudTime() {
    }

    static Instant of(SdkResponse response, Clock fallback) {
        String date = response == null || response.sdkHttpResponse() == null ? null
                : response.sdkHttpResponse().firstMatchingHeader("Date").orElse(null);
        if (date != null) {
            try {
                return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException notAnHttpDate) {
                // fall back to the function's clock
            }
        }
        return fallback.instant();
    }
}
