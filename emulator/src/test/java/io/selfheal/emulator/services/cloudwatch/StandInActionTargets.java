package io.selfheal.emulator.services.cloudwatch;

import io.selfheal.emulator.BusProbe;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.messages.PublishToTopic;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for SNS and Lambda as alarm action targets: answers {@link PublishToTopic} and {@link InvokeFunction} on
 * the bus in their place, records every request, and refuses the ARNs a test names.
 */
final class StandInActionTargets {
    final List<PublishToTopic> published = new CopyOnWriteArrayList<>();
    final List<InvokeFunction> invoked = new CopyOnWriteArrayList<>();
    final Set<String> refused = ConcurrentHashMap.newKeySet();

    StandInActionTargets(BusProbe bus) {
        bus.answer(PublishToTopic.class, m -> {
            published.add(m);
            return refused.contains(m.topicArn())
                    ? Delivery.refused("AuthorizationError", "not allowed to publish to " + m.topicArn())
                    : Delivery.accepted(UUID.randomUUID().toString());
        });
        bus.answer(InvokeFunction.class, m -> {
            invoked.add(m);
            return refused.contains(m.functionArn())
                    ? InvokeFunction.Result.refused("ResourceNotFoundException", "Function not found: "
                    + m.functionArn()) : InvokeFunction.Result.accepted(UUID.randomUUID().toString());
        });
    }
}
