package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.policy.AuthorizationRequest;
import io.selfheal.emulator.core.policy.Principal;
import io.selfheal.emulator.core.policy.PrincipalType;
import io.selfheal.emulator.core.policy.ResourcePolicies;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An event bus as target ("Sending events between event buses in the same account and Region"): the event, unchanged
 * (same id, source, account and time), reaches the other bus and its rules. Delivery is synchronous on the delivery
 * thread, so the forwarded event is matched before the next target of the first bus.
 *
 * <p>A bus of another account must allow the sending account in its policy.
 *
 * <p>"EventBridge can't route events received from a sender event bus to a third event bus": an event that arrived
 * from another bus is not forwarded again. This is also what ends a bus that targets itself after one hop.
 */
final class BusTarget implements TargetSender {
    /** Set while a forwarded event is being routed on its receiving bus (same thread, nested). */
    private static final ThreadLocal<Boolean> FORWARDED = ThreadLocal.withInitial(() -> false);

    private final RegionalStore<EventsState> states;
    private final BiConsumer<EventBus, ObjectNode> dispatch;

    /**
     * @param states   where the target bus is looked up
     * @param dispatch routes an event on a bus now, on the calling thread
     */
    BusTarget(RegionalStore<EventsState> states, BiConsumer<EventBus, ObjectNode> dispatch) {
        this.states = states;
        this.dispatch = dispatch;
    }

    @Override
    public Outcome send(Send s) {
        if (FORWARDED.get()) {
            return Outcome.failed("ValidationException", "Event " + EventEnvelope.id(s.event()) + " reached bus "
                    + s.bus().name() + " from another event bus, and EventBridge can't route events received from "
                    + "a sender event bus to a third event bus.", false);
        }
        EventBus target;
        try {
            target = states.get(s.kind().account(), s.kind().region())
                    .bus(s.kind().account(), s.kind().region(), s.kind().name());
        } catch (AwsException missing) {
            return Outcome.failed(missing.code(), missing.getMessage(), false);
        }
        if (!target.accountId().equals(s.bus().accountId()) && !allowedBy(target, s)) {
            return Outcome.failed("AccessDeniedException", "The event bus policy of " + target.arn()
                    + " does not allow account " + s.bus().accountId() + " to perform events:PutEvents.", false);
        }
        FORWARDED.set(true);
        try {
            dispatch.accept(target, s.event());
            return Outcome.ok();
        } finally {
            FORWARDED.set(false);
        }
    }

    /**
     * A bus of another account takes the event only when its policy lets the sending account (its root, or the
     * target's role when it has one) perform {@code events:PutEvents} on it
     * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-account.html).
     */
    private static boolean allowedBy(EventBus target, Send s) {
        String account = s.bus().accountId();
        String role = s.target().roleArn();
        Principal sender = role == null ? Principal.root(account) : new Principal(role.replace(":iam::", ":sts::")
                .replace(":role/", ":assumed-role/") + "/events", account, PrincipalType.AssumedRole, role, null);
        String policy = target.policy();
        return policy != null && ResourcePolicies.forPrincipal(List.of(policy), AuthorizationRequest.of(sender,
                "events:PutEvents", target.arn(), Map.of("aws:SourceArn", s.rule().arn(),
                        "aws:SourceAccount", account))).allowed();
    }
}
