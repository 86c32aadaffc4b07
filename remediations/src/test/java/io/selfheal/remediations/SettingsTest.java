package io.selfheal.remediations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsToRealRebootsAndAFiveMinuteCooldown() {
        assertThat(Settings.fromEnvironment(Map.of())).isEqualTo(new Settings(false, Duration.ofSeconds(300)));
    }

    @Test
    void readsDryRunAndCooldown() {
        assertThat(Settings.fromEnvironment(Map.of("DRY_RUN", "TRUE", "REBOOT_COOLDOWN_SECONDS", "60")))
                .isEqualTo(new Settings(true, Duration.ofSeconds(60)));
    }

    @Test
    void rejectsAnUnreadableCooldown() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("REBOOT_COOLDOWN_SECONDS", "5m")))
                .hasMessageContaining("REBOOT_COOLDOWN_SECONDS").hasMessageContaining("'5m'");
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("REBOOT_COOLDOWN_SECONDS", "-1")))
                .hasMessageContaining("REBOOT_COOLDOWN_SECONDS");
    }
}
