package io.selfheal.remediations;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tag-based idempotency: the instance itself remembers which alarm transition last remediated it.
 *
 * <p>{@value #BY_TAG} holds the last idempotency key handled ({@code alarmName@stateTimestamp}) and
 * {@value #AT_TAG} the time of that reboot (ISO-8601). Keeping the marker on the instance needs no table or
 * extra service, survives Lambda container recycling and is visible to operators in the console.
 */
final class RemediationMarker {

    static final String BY_TAG = "selfheal:remediated-by";
    static final String AT_TAG = "selfheal:remediated-at";
    /** EC2's limit on a tag value's length. */
    static final int MAX_TAG_VALUE = 256;

    enum Verdict { PROCEED, DUPLICATE, COOLING_DOWN }

    private final Duration cooldown;

    RemediationMarker(Duration cooldown) {
        this.cooldown = cooldown;
    }

    /**
     * With a key: {@link Verdict#DUPLICATE} when the instance was last remediated for that very key.
     * Without one: {@link Verdict#COOLING_DOWN} when the last remediation is younger than the cooldown.
     */
    Verdict verdict(Map<String, String> tags, String keyOrNull, Instant now) {
        if (keyOrNull != null) {
            return tagValue(keyOrNull).equals(tags.get(BY_TAG)) ? Verdict.DUPLICATE : Verdict.PROCEED;
        }
        Instant last = remediatedAt(tags);
        return last != null && last.plus(cooldown).isAfter(now) ? Verdict.COOLING_DOWN : Verdict.PROCEED;
    }

    /**
     * The tags to write after a reboot. Without a key only the time is written: the last key stays, so a late
     * redelivery of that transition is still recognised.
     */
    Map<String, String> tagsAfterReboot(String keyOrNull, Instant now) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (keyOrNull != null) {
            tags.put(BY_TAG, tagValue(keyOrNull));
        }
        tags.put(AT_TAG, now.truncatedTo(ChronoUnit.MILLIS).toString());
        return tags;
    }

    Duration cooldown() {
        return cooldown;
    }

    /** The recorded time of the last remediation, or null when absent or unreadable (then no cooldown applies). */
    static Instant remediatedAt(Map<String, String> tags) {
        String at = tags.get(AT_TAG);
        if (at == null) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // Alarm names may be up to 255 characters: a key too long for a tag is stored as its hash, consistently.
    static String tagValue(String key) {
        if (key.length() <= MAX_TAG_VALUE) {
            return key;
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
