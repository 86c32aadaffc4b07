package io.selfheal.remediations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.exception.SdkException;

/**
 * What one isolation did and what failed, step by step: a failed step is recorded and the others still run
 * (isolating matters more than any one piece of evidence), and the notification lists both.
 */
final class IsolationSteps {
    private final JsonLog log;
    private final List<String> done = new ArrayList<>();
    private final List<Map<String, String>> failed = new ArrayList<>();

    IsolationSteps(JsonLog log) {
        this.log = log;
    }

    /** Runs {@code step}; an AWS error is recorded as a failure of {@code name}, not thrown. */
    boolean run(String name, Runnable step) {
        try {
            step.run();
            done.add(name);
            log.info("step done", "step", name);
            return true;
        } catch (SdkException e) {
            Map<String, String> f = new LinkedHashMap<>();
            f.put("step", name);
            f.put("error", e.getMessage());
            failed.add(f);
            log.error("step failed", "step", name, "error", e.getMessage());
            return false;
        }
    }

    List<String> done() {
        return done;
    }

    List<Map<String, String>> failed() {
        return failed;
    }
}
