package io.selfheal.emulator.services.guardduty;

import io.selfheal.emulator.core.EmulatorClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A detector and what it holds: its findings and filters. Every field is guarded by the detector itself. */
final class Detector {
    /** Findings kept per detector; the oldest go first beyond it (AWS keeps findings 90 days). */
    static final int MAX_FINDINGS = 5_000;

    final String id;
    final String accountId;
    final String region;
    final Instant createdAt;
    Instant updatedAt;
    boolean enabled;
    PublishingFrequency frequency;
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, Finding> findings = new LinkedHashMap<>();
    /** The finding of each (type, resource): where a recurrence folds in. */
    final Map<String, Finding> byOccurrence = new LinkedHashMap<>();
    final Map<String, Filter> filters = new LinkedHashMap<>();
    /** The next publishing window for recurrences, when one is due. */
    EmulatorClock.Timer publishing;
    boolean deleted;

    Detector(String id, String accountId, String region, Instant now, boolean enabled, PublishingFrequency frequency) {
        this.id = id;
        this.accountId = accountId;
        this.region = region;
        this.createdAt = now;
        this.updatedAt = now;
        this.enabled = enabled;
        this.frequency = frequency;
    }

    /** Deleted (DeleteDetector, or the emulator's reset): no more publishing windows. */
    synchronized void retire() {
        deleted = true;
        if (publishing != null) {
            publishing.cancel();
            publishing = null;
        }
    }

    static String occurrenceKey(FindingType type, String resourceKey) {
        return type.name() + "|" + resourceKey;
    }

    void add(Finding finding) {
        findings.put(finding.id, finding);
        byOccurrence.put(occurrenceKey(finding.type, finding.resourceKey), finding);
        Iterator<Finding> oldest = findings.values().iterator();
        while (findings.size() > MAX_FINDINGS) {
            Finding gone = oldest.next();
            oldest.remove();
            byOccurrence.remove(occurrenceKey(gone.type, gone.resourceKey), gone);
        }
    }

    /** The filters with action ARCHIVE, in rank order. */
    List<Filter> suppressionRules() {
        List<Filter> out = new ArrayList<>();
        filters.values().stream().filter(f -> f.action.equals("ARCHIVE"))
                .sorted(java.util.Comparator.comparingInt(f -> f.rank)).forEach(out::add);
        return out;
    }
}
