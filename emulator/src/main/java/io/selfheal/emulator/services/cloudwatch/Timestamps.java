package io.selfheal.emulator.services.cloudwatch;

import java.time.DateTimeException;
import io.selfheal.emulator.service.EpochSeconds;
import static java.time.temporal.ChronoUnit.MILLIS;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Timestamps as both of CloudWatch's protocols send them: query sends ISO-8601 text ({@code 2016-10-03T23:00:00Z};
 * the API reference also shows {@code yyyy-MM-dd'T'HH:mm:ss} without a zone, read as UTC), AWS JSON sends epoch
 * seconds as a number, possibly fractional. Answers keep milliseconds, as CloudWatch does.
 */
final class Timestamps {
    private Timestamps() {
    }

    /** @return the instant, or null when the member is absent */
    static Instant optional(Params p, String name, String path) {
        JsonNode n = p.node(name);
        return n == null ? null : parse(n, path);
    }

    static Instant required(Params p, String name, String path) {
        JsonNode n = p.node(name);
        if (n == null) {
            throw p.errors().missing(path);
        }
        return parse(n, path);
    }

    static Instant parse(JsonNode n, String path) {
        String text = n.asText().trim();
        try {
            if (EpochSeconds.looksNumeric(n)) {
                return EpochSeconds.toInstant(n).truncatedTo(MILLIS);
            }
            if (text.endsWith("Z") || text.endsWith("z")) {
                return Instant.parse(text.toUpperCase(Locale.ROOT)).truncatedTo(MILLIS);
            }
            if (text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(text).toInstant().truncatedTo(MILLIS);
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).truncatedTo(MILLIS);
        } catch (DateTimeException e) {
            throw CloudWatchErrors.invalidValue("The value " + text + " for parameter " + path
                    + " is invalid: expected an ISO-8601 timestamp or epoch seconds.");
        }
    }
}
