package io.selfheal.emulator.services.sns;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.core.authz.ResourcePolicySource;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.PublishToTopic;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.ResourceArns;

/** Amazon Simple Notification Service: topics, subscriptions, filter policies and fan-out. */
public final class SnsService extends AbstractAwsService {
    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.query("sns", NAMESPACE);

    private final Topics topics = new Topics(new RegionalStore<>(SnsRegion::new));
    private final SnsDeliveries deliveries = new SnsDeliveries();
    private static final ResourceArns TOPIC = ResourceArns.arnIn("TopicArn");
    private static final ResourceArns NEW_TOPIC = ResourceArns.each("Name", (ctx, name) -> ctx.arn("sns", name));
    /** A subscription is authorized on its topic: its ARN is the topic's and {@code :<id>}. */
    private static final ResourceArns SUBSCRIPTION_TOPIC = ResourceArns.each("SubscriptionArn",
            (ctx, arn) -> arn.substring(0, Math.max(0, arn.lastIndexOf(':'))));
    private static final ResourceArns TAGGED = ResourceArns.arnIn("ResourceArn");
    /** Publish names a topic or, for mobile push, a target ARN. */
    private static final ResourceArns PUBLISHED = (ctx, input) -> (input.hasNonNull("TopicArn") ? TOPIC
            : ResourceArns.arnIn("TargetArn")).arns(ctx, input);


    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new SnsService(context);
        }
    }

    SnsService(EmulatorContext context) {
        super("Amazon SNS", DESCRIPTOR, "sns");
        Fanout fanout = new Fanout(context, deliveries);
        Publisher publisher = new Publisher(context.clock(), fanout, context.ids());
        TopicOperations t = new TopicOperations(topics);
        SubscriptionOperations s = new SubscriptionOperations(topics, fanout, context.ids());
        PublishOperations p = new PublishOperations(topics, publisher);
        Tags tags = new Tags(topics);
        operations.add(write("CreateTopic", t::createTopic).resources(NEW_TOPIC));
        operations.add(write("DeleteTopic", t::deleteTopic).resources(TOPIC));
        operations.add(read("GetTopicAttributes", new AttributesOperation(t::getTopicAttributes)).resources(TOPIC));
        operations.add(write("SetTopicAttributes", t::setTopicAttributes).resources(TOPIC));
        operations.add(read("ListTopics", t::listTopics).resources(ResourceArns.ANY));
        operations.add(write("Subscribe", s::subscribe).resources(TOPIC));
        operations.add(write("ConfirmSubscription", s::confirmSubscription).resources(TOPIC));
        operations.add(write("Unsubscribe", s::unsubscribe).resources(SUBSCRIPTION_TOPIC));
        operations.add(read("ListSubscriptions", s::listSubscriptions).resources(ResourceArns.ANY));
        operations.add(read("ListSubscriptionsByTopic", s::listSubscriptionsByTopic).resources(TOPIC));
        operations.add(read("GetSubscriptionAttributes", new AttributesOperation(s::getSubscriptionAttributes)));
        operations.add(write("SetSubscriptionAttributes", s::setSubscriptionAttributes).resources(SUBSCRIPTION_TOPIC));
        operations.add(write("Publish", p::publish).dataEvent().resources(PUBLISHED));
        operations.add(write("PublishBatch", p::publishBatch).dataEvent().iam("sns:Publish").resources(TOPIC));
        operations.add(write("TagResource", tags::tagResource).resources(TAGGED));
        operations.add(write("UntagResource", tags::untagResource).resources(TAGGED));
        operations.add(read("ListTagsForResource", tags::listTagsForResource));
        PublishToTopicHandler bus = new PublishToTopicHandler(topics, publisher);
        context.bus().handle(PublishToTopic.class, bus::handle);
        context.register(SnsDeliveries.class, deliveries);
        context.component(Authorization.class).resourcePolicies("sns", arn -> {
            TopicArn parsed = TopicArn.tryParse(arn);
            Topic topic = parsed == null ? null : topics.find(parsed);
            return topic == null ? null : ResourcePolicySource.Found.of("topic policy", topic.attribute("Policy"),
                    parsed.accountId());
        });
    }

    /** SNS refuses with {@code AuthorizationError} (403), not {@code AccessDenied}. */
    @Override
    public io.selfheal.emulator.core.AwsException accessDenied(
            io.selfheal.emulator.core.authz.AuthorizationDecision denial) {
        return SnsErrors.authorizationError(io.selfheal.emulator.core.authz.AccessDeniedMessages.message(denial));
    }

    @Override
    public void reset() {
        topics.reset();
        deliveries.clear();
    }
}
