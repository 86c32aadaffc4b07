package io.selfheal.emulator.services.logs;

import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.policy.Decision;
import io.selfheal.emulator.core.policy.ResourcePolicies;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.PutLogEvents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Log events other services write over the bus ({@link PutLogEvents}). Lambda's own logs create their group and
 * stream as Lambda does. A service principal (an EventBridge log-group target) writes only into an existing group
 * and only when an account resource policy allows it {@code logs:CreateLogStream} and {@code logs:PutLogEvents}
 * there: without one, AWS drops the events, and here the sender learns {@code AccessDeniedException}.
 */
final class BusDeliveries {
    private static final List<String> ACTIONS = List.of("logs:CreateLogStream", "logs:PutLogEvents");

    private final RegionalStore<LogsRegion> states;
    private final EmulatorClock clock;

    BusDeliveries(RegionalStore<LogsRegion> states, EmulatorClock clock) {
        this.states = states;
        this.clock = clock;
    }

    Delivery deliver(PutLogEvents m) {
        long now = clock.now().toEpochMilli();
        LogsRegion region = states.get(m.accountId(), m.region());
        synchronized (region) {
            LogGroup group = region.group(m.logGroupName());
            if (group == null && !m.createGroup()) {
                return Delivery.refused("ResourceNotFoundException", "The specified log group does not exist.");
            }
            String groupArn = group != null ? group.arn()
                    : LogsNames.groupArn(m.region(), m.accountId(), m.logGroupName());
            if (m.principal() != null) {
                String streamArn = groupArn + ":log-stream:" + m.logStreamName();
                for (String action : ACTIONS) {
                    if (!allows(policyDocuments(region), m, action,
                            List.of(streamArn, groupArn + ":*", groupArn))) {
                        return Delivery.refused("AccessDeniedException", "User with principal " + m.principal()
                                + " is not authorized to perform: " + action + " on resource: " + streamArn
                                + " because no resource-based policy allows the " + action + " action");
                    }
                }
            }
            if (group == null) {
                group = new LogGroup(m.logGroupName(), groupArn, now, "STANDARD", null, Map.of());
                region.add(group);
            }
            LogStream stream = group.stream(m.logStreamName());
            if (stream == null) {
                stream = group.createStream(m.logStreamName(), now);
            }
            group.expire(now);
            // Services write what they have; AWS's own writers order their batches, so sort rather than refuse.
            List<EventBatch.Input> events = new ArrayList<>();
            for (PutLogEvents.LogEvent e : m.events()) {
                if (e.message() != null && !e.message().isEmpty()) {
                    events.add(new EventBatch.Input(e.timestamp().toEpochMilli(), e.message()));
                }
            }
            events.sort(Comparator.comparingLong(EventBatch.Input::timestamp));
            EventBatch batch = EventBatch.partition(events, now, group.retentionCutoff(now));
            group.append(stream, batch.accepted(), now);
            return Delivery.accepted(stream.uploadSequenceToken());
        }
    }

    /**
     * Whether the account's resource policies let the service write, on whichever of the ARNs a statement names
     * (the stream, the group's streams, the group); an explicit Deny on any of them refuses.
     */
    private static boolean allows(List<String> documents, PutLogEvents m, String action, List<String> resources) {
        String sourceAccount = m.sourceArn() != null ? ResourcePolicies.accountOf(m.sourceArn()) : m.accountId();
        boolean allowed = false;
        for (String resource : resources) {
            Decision d = ResourcePolicies.forService(documents, m.principal(), action, resource, m.sourceArn(),
                    sourceAccount);
            if (d.outcome() == Decision.Outcome.EXPLICIT_DENY) {
                return false;
            }
            allowed |= d.allowed();
        }
        return allowed;
    }

    private static List<String> policyDocuments(LogsRegion region) {
        return region.policies().values().stream().map(ResourcePolicyEntry::policyDocument).toList();
    }
}
