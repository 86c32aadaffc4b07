package io.selfheal.emulator.services.cloudwatch;

import static java.time.temporal.ChronoUnit.MILLIS;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.service.Params;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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
        if (n.isNumber()) {
            return epochSeconds(n.decimalValue().movePointRight(3).longValue());
        }
        String text = n.asText().trim();
        try {
            if (text.matches("-?\\d+(\\.\\d+)?")) {
                return epochSeconds(new BigDecimal(text).movePointRight(3).longValue());
            }
            if (text.endsWith("Z") || text.endsWith("z")) {
                return Instant.parse(text.toUpperCase(Locale.ROOT)).truncatedTo(MILLIS);
            }
            if (text.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(text).toInstant().truncatedTo(MILLIS);
            }
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).truncatedTo(MILLIS);
        } catch (DateTimeParseException | ArithmeticException e) {
            throw CloudWatchErrors.invalidValue("The value " + text + " for parameter " + path
                    + " is invalid: expected an ISO-8601 timestamp or epoch seconds.");
        }
    }

    private static Instant epochSeconds(long millis) {
        return Instant.ofEpochMilli(millis);
    }
}
