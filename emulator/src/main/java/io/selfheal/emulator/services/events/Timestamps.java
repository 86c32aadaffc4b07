package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Timestamps on the AWS JSON 1.1 wire: epoch seconds with a fraction, as the SDKs send and expect them. */
final class Timestamps {
    private Timestamps() {
    }

    static BigDecimal epochSeconds(Instant time) {
        return BigDecimal.valueOf(time.toEpochMilli(), 3);
    }

    /**
     * A timestamp member: epoch seconds (what the SDKs send) or an ISO 8601 string; null when absent.
     *
     * @throws io.selfheal.emulator.core.AwsException ValidationException naming the member
     */
    static Instant parse(JsonNode node, String member) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            if (node.isNumber() || node.asText().matches("-?\\d+(\\.\\d+)?")) {
                BigDecimal seconds = new BigDecimal(node.asText());
                return Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
            }
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw EventsErrors.validation("Parameter " + member + " is not valid.");
        }
    }
}
