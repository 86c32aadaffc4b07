package io.selfheal.emulator.services.sns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The topics of one account and region, in creation order (ListTopics pages through them in that order). */
final class SnsRegion {
    private final Map<String, Topic> topics = new LinkedHashMap<>();

    synchronized Topic get(String arn) {
        return topics.get(arn);
    }

    /** The existing topic, or the new one: CreateTopic is idempotent. */
    synchronized Topic getOrCreate(String arn, Supplier<Topic> factory) {
        return topics.computeIfAbsent(arn, a -> factory.get());
    }

    synchronized void remove(String arn) {
        topics.remove(arn);
    }

    synchronized List<Topic> all() {
        return new ArrayList<>(topics.values());
    }
}
