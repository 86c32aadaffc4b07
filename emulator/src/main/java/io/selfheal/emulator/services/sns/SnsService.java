package io.selfheal.emulator.services.sns;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.PublishToTopic;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operation;
import java.util.Map;

/** Amazon Simple Notification Service: topics, subscriptions, filter policies and fan-out. */
public final class SnsService implements AwsService {
    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.query("sns", NAMESPACE);

    private final Topics topics = new Topics(new RegionalStore<>(SnsRegion::new));
    private final SnsDeliveries deliveries = new SnsDeliveries();
    private final Map<String, Operation> operations;

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new SnsService(context);
        }
    }

    SnsService(EmulatorContext context) {
        Fanout fanout = new Fanout(context, deliveries);
        Publisher publisher = new Publisher(context.clock(), fanout);
        TopicOperations t = new TopicOperations(topics);
        SubscriptionOperations s = new SubscriptionOperations(topics, fanout);
        PublishOperations p = new PublishOperations(topics, publisher);
        Tags tags = new Tags(topics);
        operations = Map.ofEntries(
                Map.entry("CreateTopic", t::createTopic),
                Map.entry("DeleteTopic", t::deleteTopic),
                Map.entry("GetTopicAttributes", new AttributesOperation(t::getTopicAttributes)),
                Map.entry("SetTopicAttributes", t::setTopicAttributes),
                Map.entry("ListTopics", t::listTopics),
                Map.entry("Subscribe", s::subscribe),
                Map.entry("ConfirmSubscription", s::confirmSubscription),
                Map.entry("Unsubscribe", s::unsubscribe),
                Map.entry("ListSubscriptions", s::listSubscriptions),
                Map.entry("ListSubscriptionsByTopic", s::listSubscriptionsByTopic),
                Map.entry("GetSubscriptionAttributes", new AttributesOperation(s::getSubscriptionAttributes)),
                Map.entry("SetSubscriptionAttributes", s::setSubscriptionAttributes),
                Map.entry("Publish", p::publish),
                Map.entry("PublishBatch", p::publishBatch),
                Map.entry("TagResource", tags::tagResource),
                Map.entry("UntagResource", tags::untagResource),
                Map.entry("ListTagsForResource", tags::listTagsForResource));
        PublishToTopicHandler bus = new PublishToTopicHandler(topics, publisher);
        context.bus().handle(PublishToTopic.class, bus::handle);
        context.register(SnsDeliveries.class, deliveries);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Operation> operations() {
        return operations;
    }

    @Override
    public void reset() {
        topics.reset();
        deliveries.clear();
    }
}
