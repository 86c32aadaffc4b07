package io.selfheal.emulator.services.sns;

import io.selfheal.emulator.core.RegionalStore;
import java.util.ArrayList;
import java.util.List;

/** Finds topics and subscriptions by ARN: the ARN names the account and region that hold them. */
final class Topics {
    private final RegionalStore<SnsRegion> store;

    Topics(RegionalStore<SnsRegion> store) {
        this.store = store;
    }

    SnsRegion region(String accountId, String region) {
        return store.get(accountId, region);
    }

    SnsRegion region(TopicArn arn) {
        return store.get(arn.accountId(), arn.region());
    }

    /** The topic, or null; looks up without creating a store for the account and region the ARN names. */
    Topic find(TopicArn arn) {
        SnsRegion region = store.find(arn.accountId(), arn.region());
        return region == null ? null : region.get(arn.toString());
    }

    /** @throws io.selfheal.emulator.core.AwsException InvalidParameter for a malformed ARN, NotFound for a missing topic */
    Topic require(String arn, String parameter) {
        Topic topic = find(TopicArn.parse(arn, parameter));
        if (topic == null) {
            throw SnsErrors.topicNotFound();
        }
        return topic;
    }

    /** The subscription, or null (also for malformed ARNs). */
    Subscription subscription(String arn) {
        TopicArn topicArn = TopicArn.ofSubscription(arn);
        Topic topic = topicArn == null ? null : find(topicArn);
        return topic == null ? null : topic.subscription(arn);
    }

    /** @throws io.selfheal.emulator.core.AwsException InvalidParameter when malformed, NotFound when missing */
    Subscription requireSubscription(String arn) {
        if (TopicArn.ofSubscription(arn) == null) {
            throw SnsErrors.invalidParameter("SubscriptionArn");
        }
        Subscription s = subscription(arn);
        if (s == null) {
            throw SnsErrors.subscriptionNotFound();
        }
        return s;
    }

    List<Subscription> subscriptions(String accountId, String region) {
        List<Subscription> all = new ArrayList<>();
        for (Topic topic : region(accountId, region).all()) {
            all.addAll(topic.subscriptions());
        }
        return all;
    }

    void reset() {
        store.reset();
    }
}
