package io.selfheal.emulator.services.cloudwatch;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.InvokeFunction;
import io.selfheal.emulator.messages.PublishToTopic;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operations;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for SNS and Lambda as alarm action targets: answers {@link PublishToTopic} and {@link InvokeFunction} on
 * the bus (registered after the built-in services, so its handlers win), records every request, and refuses the ARNs
 * a test names.
 */
final class StandInActionTargets implements AwsServiceProvider {
    final List<PublishToTopic> published = new CopyOnWriteArrayList<>();
    final List<InvokeFunction> invoked = new CopyOnWriteArrayList<>();
    final Set<String> refused = ConcurrentHashMap.newKeySet();

    @Override
    public AwsService create(EmulatorContext context) {
        context.bus().handle(PublishToTopic.class, m -> {
            published.add(m);
            return refused.contains(m.topicArn())
                    ? Delivery.refused("AuthorizationError", "not allowed to publish to " + m.topicArn())
                    : Delivery.accepted(UUID.randomUUID().toString());
        });
        context.bus().handle(InvokeFunction.class, m -> {
            invoked.add(m);
            return refused.contains(m.functionArn())
                    ? InvokeFunction.Result.refused("ResourceNotFoundException", "Function not found: "
                    + m.functionArn()) : InvokeFunction.Result.accepted(UUID.randomUUID().toString());
        });
        return new AwsService() {
            @Override
            public ServiceDescriptor descriptor() {
                return ServiceDescriptor.json10("standin-alarm-targets", "StandInAlarmTargets");
            }

            @Override
            public Operations operations() {
                return new Operations("test");
            }
        };
    }
}
