package io.selfheal.emulator.services.sns;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.SendToQueue;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operations;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for SQS in SNS tests: answers {@link SendToQueue} on the bus (the last handler registered wins), records
 * every message and refuses the queues a test tells it to. Also hands tests the bus, as another service would use it.
 */
final class StandInQueues implements AwsServiceProvider {
    private final List<SendToQueue> sent = new CopyOnWriteArrayList<>();
    private final Map<String, Delivery> refusals = new ConcurrentHashMap<>();
    private volatile EmulatorContext context;

    @Override
    public AwsService create(EmulatorContext context) {
        this.context = context;
        context.bus().handle(SendToQueue.class, m -> {
            sent.add(m);
            return refusals.getOrDefault(m.queueArn(), Delivery.accepted(UUID.randomUUID().toString()));
        });
        return new AwsService() {
            @Override
            public ServiceDescriptor descriptor() {
                return ServiceDescriptor.json10("standin-sqs", "StandInSqs");
            }

            @Override
            public Operations operations() {
                return new Operations("test");
            }
        };
    }

    void refuse(String queueArn, String code, String message) {
        refusals.put(queueArn, Delivery.refused(code, message));
    }

    List<SendToQueue> sent(String queueArn) {
        return sent.stream().filter(m -> m.queueArn().equals(queueArn)).toList();
    }

    /** Asks on the emulator's bus, as another service (EventBridge, CloudWatch) would. */
    <R> R ask(io.selfheal.emulator.core.BusRequest<R> request) {
        return context.bus().ask(request);
    }

    void clear() {
        sent.clear();
        refusals.clear();
    }
}
