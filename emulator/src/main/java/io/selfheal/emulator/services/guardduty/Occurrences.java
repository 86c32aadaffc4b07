package io.selfheal.emulator.services.guardduty;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an observed threat into a finding and sends findings to EventBridge as GuardDuty does
 * (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings_eventbridge.html): a new finding goes to the
 * default bus at once as a {@code GuardDuty Finding} event; a later occurrence of the same type on the same resource
 * folds into the same finding ({@code count} + 1, {@code updatedAt}, {@code eventLastSeen}) and is sent with the next
 * window of the detector's {@code FindingPublishingFrequency}, on the emulator clock. Findings a suppression rule
 * (a filter with action ARCHIVE) matches are archived as they arrive and never sent; so are recurrences of archived
 * findings.
 */
final class Occurrences {
    static final String SOURCE = "aws.guardduty";
    static final String DETAIL_TYPE = "GuardDuty Finding";

    private final EmulatorContext context;

    Occurrences(EmulatorContext context) {
        this.context = context;
    }

    /** What GuardDuty observed, before it becomes (or joins) a finding. */
    record Observation(FindingType type, String resourceKey, boolean sample, double severity, ObjectNode resource,
                       ObjectNode action, Map<String, String> placeholders) {
    }

    Finding observe(Detector detector, Observation o) {
        ObjectNode publishNow = null;
        Finding finding;
        synchronized (detector) {
            Instant now = context.clock().now();
            finding = detector.byOccurrence.get(Detector.occurrenceKey(o.type(), o.resourceKey()));
            if (finding == null) {
                finding = new Finding(newId(), detector.accountId, detector.region, detector.id, o.type(),
                        o.resourceKey(), o.sample(), now);
                fill(finding, o);
                detector.add(finding);
                finding.archived = suppressed(detector, finding);
                if (!finding.archived) {
                    finding.publishedAt = now;
                    publishNow = finding.detail();
                }
            } else {
                finding.count++;
                finding.updatedAt = now;
                finding.eventLastSeen = now;
                fill(finding, o);
                finding.archived = finding.archived || suppressed(detector, finding);
                if (!finding.archived) {
                    finding.pendingRecurrence = true;
                    scheduleWindow(detector);
                }
            }
        }
        if (publishNow != null) {
            publish(detector, publishNow);
        }
        return finding;
    }

    static void fill(Finding f, Observation o) {
        f.severity = o.severity();
        f.resource = o.resource();
        f.action = o.action();
        f.title = fillIn(o.type().title(), o.placeholders());
        f.description = fillIn(o.type().description(), o.placeholders());
    }

    static String fillIn(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", e.getValue() == null ? "" : e.getValue());
        }
        return out;
    }

    private static boolean suppressed(Detector detector, Finding finding) {
        ObjectNode detail = finding.detail();
        return detector.suppressionRules().stream().anyMatch(rule -> rule.criteria.matches(detail));
    }

    /** Finding ids are 32 lower-case hex digits. */
    private String newId() {
        return context.ids().hex("finding", 32).substring("finding-".length());
    }

    /**
     * The next window opens one interval after the last publication of any finding it carries; a recurrence after a
     * quiet interval goes out at once.
     */
    private void scheduleWindow(Detector detector) {
        if (detector.publishing != null) {
            return;
        }
        Instant earliest = null;
        for (Finding f : detector.findings.values()) {
            if (f.pendingRecurrence) {
                Instant due = f.publishedAt == null ? context.clock().now()
                        : f.publishedAt.plus(detector.frequency.interval);
                earliest = earliest == null || due.isBefore(earliest) ? due : earliest;
            }
        }
        if (earliest == null) {
            return;
        }
        Instant at = earliest.isBefore(context.clock().now()) ? context.clock().now() : earliest;
        detector.publishing = context.clock().schedule(at, () -> publishWindow(detector));
    }

    private void publishWindow(Detector detector) {
        List<ObjectNode> due = new ArrayList<>();
        synchronized (detector) {
            detector.publishing = null;
            if (detector.deleted) {
                return;
            }
            Instant now = context.clock().now();
            for (Finding f : detector.findings.values()) {
                if (!f.pendingRecurrence) {
                    continue;
                }
                if (f.archived || !detector.enabled) {
                    f.pendingRecurrence = false; // an archived finding or a disabled detector sends nothing
                } else if (f.publishedAt == null || !f.publishedAt.plus(detector.frequency.interval).isAfter(now)) {
                    f.pendingRecurrence = false;
                    f.publishedAt = now;
                    due.add(f.detail());
                }
            }
            scheduleWindow(detector);
        }
        due.forEach(detail -> publish(detector, detail));
    }

    /** The event's {@code resources} is empty, as in AWS's documented GuardDuty events. */
    private void publish(Detector detector, ObjectNode detail) {
        context.bus().publish(new ServiceEvent(detector.accountId, detector.region, SOURCE, DETAIL_TYPE, List.of(),
                detail, context.clock().now()));
    }
}
