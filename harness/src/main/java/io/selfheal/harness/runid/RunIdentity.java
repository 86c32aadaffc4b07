package io.selfheal.harness.runid;

import io.selfheal.emulator.core.Digests;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who a run's resources belong to: the run id (8 lowercase hex digits, so it fits every service's name rules,
 * S3's lowercase bucket names included) and the scenario. Every name the run gives becomes
 * {@code <name>-sh-<runid>} and every resource is tagged {@value #RUN_ID_TAG} and {@value #SCENARIO_TAG}.
 *
 * @param runId    8 lowercase hex digits
 * @param scenario the scenario's name (a tag value)
 */
public record RunIdentity(String runId, String scenario) {
    public static final String RUN_ID_TAG = "selfheal:run-id";
    public static final String SCENARIO_TAG = "selfheal:scenario";
    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f]{8}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** AWS's longest tag value (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html). */
    private static final int TAG_VALUE_MAX = 256;

    public RunIdentity {
        check(runId);
    }

    /** A new random run id. */
    public static String newRunId() {
        return String.format("%08x", RANDOM.nextInt());
    }

    /** @throws IllegalArgumentException unless {@code runId} is 8 lowercase hex digits */
    public static String check(String runId) {
        if (runId == null || !RUN_ID.matcher(runId).matches()) {
            throw new IllegalArgumentException("a run id is 8 lowercase hex digits (as printed by selfheal run), not "
                    + runId);
        }
        return runId;
    }

    /** {@code -sh-<runid>}: what every name of the run ends with (before a FIFO {@code .fifo}). */
    public String marker() {
        return marker(runId);
    }

    public static String marker(String runId) {
        return "-sh-" + runId;
    }

    /** Whether {@code name} is one a run of {@code runId} gives. */
    public static boolean names(String name, String runId) {
        return name.endsWith(marker(runId)) || name.endsWith(marker(runId) + ".fifo");
    }

    /**
     * The name a resource the scenario calls {@code logical} gets in this run, at most {@code limit} characters:
     * {@code <logical>-sh-<runid>} ({@code <logical>-sh-<runid>.fifo} for a FIFO queue or topic). The run id goes
     * last, not first, so the team's prefix conventions still hold — an alarm rule matching
     * {@code "alarmName": [{"prefix": "EC2-CPU-High-"}]} still matches the run's alarm. A name that already carries
     * the marker (it came from a reference to another resource of the run) is left as it is. Too long a name is cut
     * and gets a hash of the whole before the marker, so two long names stay apart.
     */
    public String name(String logical, int limit) {
        if (names(logical, runId)) {
            return logical;
        }
        String suffix = logical.endsWith(".fifo") ? ".fifo" : "";
        String base = logical.substring(0, logical.length() - suffix.length());
        String tail = marker() + suffix;
        if (base.length() + tail.length() > limit) {
            String hash = Digests.sha256Hex(logical.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 6);
            base = base.substring(0, limit - tail.length() - hash.length() - 1) + "-" + hash;
        }
        return base + tail;
    }

    /** The tags every resource of the run gets. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(RUN_ID_TAG, runId);
        tags.put(SCENARIO_TAG, scenario.length() > TAG_VALUE_MAX ? scenario.substring(0, TAG_VALUE_MAX) : scenario);
        return tags;
    }
}
