package io.selfheal.remediations;

import java.util.Map;

/** The little a remediation reads about an instance before acting: its state name and its tags. */
record InstanceSnapshot(String instanceId, String state, Map<String, String> tags) {

    static final String RUNNING = "running";

    boolean running() {
        return RUNNING.equals(state);
    }
}
