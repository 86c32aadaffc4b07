package io.selfheal.remediations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RemediationMarkerTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private final RemediationMarker marker = new RemediationMarker(Duration.ofSeconds(300));

    @Test
    void sameKeyIsADuplicateAndAnotherKeyProceeds() {
        Map<String, String> tags = Map.of(RemediationMarker.BY_TAG, "a@1", RemediationMarker.AT_TAG, NOW.toString());

        assertThat(marker.verdict(tags, "a@1", NOW)).isEqualTo(RemediationMarker.Verdict.DUPLICATE);
        assertThat(marker.verdict(tags, "a@2", NOW)).isEqualTo(RemediationMarker.Verdict.PROCEED);
        assertThat(marker.verdict(Map.of(), "a@1", NOW)).isEqualTo(RemediationMarker.Verdict.PROCEED);
    }

    @Test
    void withoutAKeyTheCooldownDecides() {
        Map<String, String> tags = Map.of(RemediationMarker.AT_TAG, "2026-01-01T11:56:00Z");

        assertThat(marker.verdict(tags, null, NOW)).isEqualTo(RemediationMarker.Verdict.COOLING_DOWN);
        assertThat(marker.verdict(tags, null, NOW.plusSeconds(60))).isEqualTo(RemediationMarker.Verdict.PROCEED);
        assertThat(marker.verdict(Map.of(), null, NOW)).isEqualTo(RemediationMarker.Verdict.PROCEED);
        assertThat(marker.verdict(Map.of(RemediationMarker.AT_TAG, "yesterday"), null, NOW))
                .isEqualTo(RemediationMarker.Verdict.PROCEED);
    }

    @Test
    void tagsAfterRebootKeepTheLastKeyWhenThereIsNoNewOne() {
        assertThat(marker.tagsAfterReboot("a@1", NOW)).containsExactly(
                Map.entry(RemediationMarker.BY_TAG, "a@1"), Map.entry(RemediationMarker.AT_TAG, "2026-01-01T12:00:00Z"));
        assertThat(marker.tagsAfterReboot(null, NOW)).containsOnlyKeys(RemediationMarker.AT_TAG);
    }

    @Test
    void keysTooLongForATagAreHashedConsistently() {
        String longKey = "A".repeat(255) + "@2019-10-02T17:04:40.989+0000";
        String value = RemediationMarker.tagValue(longKey);

        assertThat(value).startsWith("sha256:").hasSizeLessThanOrEqualTo(RemediationMarker.MAX_TAG_VALUE);
        assertThat(marker.verdict(marker.tagsAfterReboot(longKey, NOW), longKey, NOW))
                .isEqualTo(RemediationMarker.Verdict.DUPLICATE);
    }
}
