package io.selfheal.emulator.control;

import java.util.Map;

/**
 * GuardDuty's side door: a threat AWS would have detected, injected for a real instance (AWS has no API for it).
 * The finding is built as GuardDuty builds one — {@code resource.instanceDetails} read from EC2's live state,
 * {@code service.action} realistic for the type — and published as GuardDuty publishes: a new finding to the default
 * bus at once, a recurrence (same type, same instance) folded into the same finding id ({@code count} + 1) and
 * re-published at the detector's {@code FindingPublishingFrequency} on the emulator clock.
 */
public interface GuardDutyControl {

    /**
     * Injects one occurrence of a threat.
     *
     * @return the finding's id and detector, and how many occurrences it now counts
     * @throws IllegalArgumentException for an unsupported type, a severity outside 1.0–10.0, or an instance EC2
     *                                  does not know in that account and region
     * @throws IllegalStateException    when the account and region have no enabled detector (AWS: no detector, no
     *                                  findings; create one with the real {@code CreateDetector} first)
     */
    InjectedFinding inject(FindingInjection injection);

    /** The finding types {@link #inject} supports, in the order of GuardDuty's finding-type pages. */
    java.util.List<String> supportedTypes();

    /**
     * One occurrence of a threat against an instance.
     *
     * @param severity  1.0–10.0, or null for the type's default
     * @param overrides optional details of the action, by name: {@code remoteIp}, {@code remotePort},
     *                  {@code localPort}, {@code protocol}, {@code domain}; unknown names are refused
     */
    record FindingInjection(String accountId, String region, String instanceId, String type, Double severity,
                            Map<String, String> overrides) {
        public FindingInjection {
            overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
        }

        public FindingInjection(String accountId, String region, String instanceId, String type, Double severity) {
            this(accountId, region, instanceId, type, severity, Map.of());
        }
    }

    /** What an injection produced: the (possibly recurring) finding and its occurrence count. */
    record InjectedFinding(String findingId, String detectorId, int count) {
    }
}
