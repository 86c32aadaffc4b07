package io.selfheal.emulator.services.events;

import java.time.DateTimeException;
import io.selfheal.emulator.service.EpochSeconds;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;

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
            if (EpochSeconds.looksNumeric(node)) {
                return EpochSeconds.toInstant(node);
            }
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeException e) {
            throw EventsErrors.validation("Parameter " + member + " is not valid.");
        }
    }
}
