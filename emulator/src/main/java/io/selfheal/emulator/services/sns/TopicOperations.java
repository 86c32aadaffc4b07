package io.selfheal.emulator.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/** CreateTopic, DeleteTopic, Get/SetTopicAttributes, ListTopics. */
final class TopicOperations {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,251}\\.fifo");
    private static final Set<String> SETTABLE = Set.of("DeliveryPolicy", "DisplayName", "Policy", "TracingConfig",
            "KmsMasterKeyId", "SignatureVersion", "ContentBasedDeduplication", "ArchivePolicy",
            "FifoThroughputScope", "DataProtectionPolicy");
    private static final String EFFECTIVE_DELIVERY_POLICY = "{\"http\":{\"defaultHealthyRetryPolicy\":"
            + "{\"minDelayTarget\":20,\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,"
            + "\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},"
            + "\"disableSubscriptionOverrides\":false,"
            + "\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}";

    private final Topics topics;

    TopicOperations(Topics topics) {
        this.topics = topics;
    }

    JsonNode createTopic(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SnsErrors.PARAMS);
        String name = p.required("Name");
        Map<String, String> attributes = strings(p.node("Attributes"));
        boolean fifo = "true".equalsIgnoreCase(attributes.get("FifoTopic"));
        if (fifo ? !FIFO_NAME.matcher(name).matches() : !NAME.matcher(name).matches()) {
            throw SnsErrors.invalidParameter(fifo ? "Fifo Topic names must end with .fifo and must be made up of "
                    + "only uppercase and lowercase ASCII letters, numbers, underscores, and hyphens, and must be "
                    + "between 1 and 256 characters long." : "Topic Name");
        }
        if (!fifo) {
            attributes.remove("FifoTopic");
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            if (!e.getKey().equals("FifoTopic")) {
                validate(e.getKey(), e.getValue(), fifo);
            }
        }
        Map<String, String> tags = Tags.read(p);
        TopicArn arn = TopicArn.of(ctx.region(), ctx.accountId(), name);
        AtomicBoolean created = new AtomicBoolean();
        Topic topic = topics.region(arn).getOrCreate(arn.toString(), () -> {
            created.set(true);
            return new Topic(arn, attributes, tags);
        });
        if (!created.get()) {
            // Idempotent for the same request; AWS refuses a "create" that would change an existing topic.
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                if (!e.getValue().equals(topic.attribute(e.getKey()))) {
                    throw SnsErrors.invalidParameter("Attributes",
                            "Topic already exists with different attributes");
                }
            }
            if (!tags.isEmpty() && !tags.equals(topic.tags())) {
                throw SnsErrors.invalidParameter("Tags", "Topic already exists with different tags");
            }
        }
        return Json.object().put("TopicArn", arn.toString());
    }

    JsonNode deleteTopic(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SnsErrors.PARAMS);
        TopicArn arn = TopicArn.parse(p.required("TopicArn"), "TopicArn");
        topics.region(arn).remove(arn.toString()); // deleting a missing topic is no error, as documented
        return null;
    }

    Map<String, String> getTopicAttributes(RequestContext ctx, ObjectNode input) {
        Topic topic = topics.require(new Params(input, SnsErrors.PARAMS).required("TopicArn"), "TopicArn");
        Map<String, String> stored = topic.attributes();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Policy", stored.remove("Policy"));
        out.put("Owner", topic.arn.accountId());
        long pending = topic.subscriptions().stream().filter(Subscription::pending).count();
        out.put("SubscriptionsPending", Long.toString(pending));
        out.put("TopicArn", topic.arn.toString());
        out.put("EffectiveDeliveryPolicy", stored.getOrDefault("DeliveryPolicy", EFFECTIVE_DELIVERY_POLICY));
        out.put("SubscriptionsConfirmed", Long.toString(topic.subscriptions().size() - pending));
        out.put("DisplayName", stored.getOrDefault("DisplayName", ""));
        out.put("SubscriptionsDeleted", Integer.toString(topic.subscriptionsDeleted()));
        if (topic.fifo()) {
            stored.putIfAbsent("ContentBasedDeduplication", "false");
        }
        stored.forEach(out::putIfAbsent);
        return out;
    }

    JsonNode setTopicAttributes(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SnsErrors.PARAMS);
        Topic topic = topics.require(p.required("TopicArn"), "TopicArn");
        String name = p.required("AttributeName");
        String value = p.string("AttributeValue", "");
        validate(name, value, topic.fifo());
        topic.attribute(name, value);
        return null;
    }

    JsonNode listTopics(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SnsErrors.PARAMS);
        return Pages.page(topics.region(ctx.accountId(), ctx.region()).all(), p.string("NextToken"),
                t -> t.arn.toString(), "Topics", (t, list) -> list.addObject().put("TopicArn", t.arn.toString()));
    }

    private static void validate(String name, String value, boolean fifo) {
        if (!SETTABLE.contains(name)) {
            throw SnsErrors.invalidParameter("AttributeName");
        }
        switch (name) {
            case "Policy" -> {
                String problem = TopicPolicy.check(value);
                if (problem != null) {
                    throw SnsErrors.invalidParameter("Policy Error: " + problem);
                }
            }
            case "ContentBasedDeduplication" -> {
                if (!fifo) {
                    throw SnsErrors.invalidParameter("Attributes",
                            "Content based deduplication can only be set for FIFO topics");
                }
                requireBoolean(name, value);
            }
            case "SignatureVersion" -> {
                if (!value.equals("1") && !value.equals("2")) {
                    throw SnsErrors.invalidParameter("SignatureVersion");
                }
            }
            case "TracingConfig" -> {
                if (!value.equals("PassThrough") && !value.equals("Active")) {
                    throw SnsErrors.invalidParameter("TracingConfig");
                }
            }
            default -> {
            }
        }
    }

    static void requireBoolean(String name, String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw SnsErrors.invalidParameter("Attributes", "Invalid value for " + name + ": " + value);
        }
    }

    /** A query map of strings ({@code Attributes.entry.N.key/value}); missing means empty. */
    static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map != null && map.isObject()) {
            map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        }
        return out;
    }
}
