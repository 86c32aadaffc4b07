package io.selfheal.harness.runid;

import io.selfheal.emulator.core.Digests;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who a run's resources belong to: the run id (8 lowercase hex digits, so it fits every service's name rules,
 * S3's lowercase bucket names included) and the scenario. Every name the run gives becomes
 * {@code sh-<runid>-<name>} and every resource is tagged {@value #RUN_ID_TAG} and {@value #SCENARIO_TAG}.
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

    /** {@code sh-<runid>-}: how every name of the run begins. */
    public String prefix() {
        return prefix(runId);
    }

    public static String prefix(String runId) {
        return "sh-" + runId + "-";
    }

    /**
     * The name {@code logical} gets in this run, at most {@code limit} characters: {@code sh-<runid>-<logical>}
     * ({@code /sh-<runid>/…} for a log group's path); unchanged when it already carries the run's prefix (it came
     * from a reference to another resource of the run). Too long a name is cut and ends in a hash of the whole, so
     * two long names stay apart; a FIFO queue's or topic's {@code .fifo} stays at the end.
     */
    public String name(String logical, int limit) {
        if (logical.contains(prefix()) || logical.startsWith("/sh-" + runId + "/")) {
            return logical;
        }
        String suffix = logical.endsWith(".fifo") ? ".fifo" : "";
        String base = logical.substring(0, logical.length() - suffix.length());
        String name = logical.startsWith("/") ? "/sh-" + runId + base : prefix() + base;
        if (name.length() + suffix.length() > limit) {
            String hash = Digests.sha256Hex(logical.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 6);
            name = name.substring(0, limit - suffix.length() - hash.length() - 1) + "-" + hash;
        }
        return name + suffix;
    }

    /** The tags every resource of the run gets. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(RUN_ID_TAG, runId);
        tags.put(SCENARIO_TAG, scenario.length() > TAG_VALUE_MAX ? scenario.substring(0, TAG_VALUE_MAX) : scenario);
        return tags;
    }
}
