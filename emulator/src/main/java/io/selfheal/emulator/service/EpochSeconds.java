package io.selfheal.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Timestamps as the JSON protocols send them: epoch seconds, possibly fractional, as a number or numeric text. Every
 * way a client can get this wrong — text that is no number, {@code NaN}, {@code 1e309}, seconds beyond a 64-bit
 * count ({@code 9223372036854775808}) or beyond the year 1,000,000,000 — is a {@link DateTimeException} for the
 * caller to word as its service's 400, never a wrapped-around instant or a 500.
 */
public final class EpochSeconds {
    private EpochSeconds() {
    }

    /** Whether {@code node} is a number or numeric text (else the caller may try an ISO-8601 form). */
    public static boolean looksNumeric(JsonNode node) {
        return node.isNumber() || node.asText().trim().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    }

    public static Instant toInstant(JsonNode node) {
        BigDecimal seconds;
        try {
            seconds = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().trim());
        } catch (NumberFormatException notFinite) {
            throw new DateTimeException("not a finite number");
        }
        try {
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).intValue());
        } catch (ArithmeticException beyondLong) {
            throw new DateTimeException("out of range");
        }
    }
}
