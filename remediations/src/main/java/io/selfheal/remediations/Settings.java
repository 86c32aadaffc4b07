package io.selfheal.remediations;

import java.time.Duration;
import java.util.Map;

/**
 * The function's configuration, read once from its environment variables.
 *
 * @param dryRun   {@code DRY_RUN=true}: ask EC2 whether the reboot would be allowed, change nothing
 * @param cooldown {@code REBOOT_COOLDOWN_SECONDS} (default 300): the minimum time between two reboots of one
 *                 instance when the input carries no alarm transition to deduplicate on
 */
record Settings(boolean dryRun, Duration cooldown) {

    static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(300);

    static Settings fromEnvironment(Map<String, String> env) {
        boolean dryRun = Boolean.parseBoolean(env.getOrDefault("DRY_RUN", "false").trim());
        String cooldown = env.get("REBOOT_COOLDOWN_SECONDS");
        if (cooldown == null || cooldown.isBlank()) {
            return new Settings(dryRun, DEFAULT_COOLDOWN);
        }
        try {
            long seconds = Long.parseLong(cooldown.trim());
            if (seconds >= 0) {
                return new Settings(dryRun, Duration.ofSeconds(seconds));
            }
        } catch (NumberFormatException e) {
            // reported below: a misconfigured function should fail at start, not guess
        }
        throw new IllegalArgumentException("REBOOT_COOLDOWN_SECONDS must be a whole number of seconds >= 0, got '" + cooldown + "'");
    }
}
