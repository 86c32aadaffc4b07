package io.selfheal.remediations;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** What one invocation did, returned to the caller as a small map (the Lambda response payload). */
record Outcome(Action action, String instanceId, String reason) {

    enum Action {
        REBOOTED, DUPLICATE, SKIPPED, DRY_RUN;

        /** The wire name: {@code rebooted}, {@code duplicate}, {@code skipped}, {@code dry-run}. */
        String wireName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("action", action.wireName());
        map.put("instanceId", instanceId);
        map.put("reason", reason);
        return map;
    }
}
