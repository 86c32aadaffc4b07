package io.selfheal.emulator.services.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.messages.ArnTargets;
import io.selfheal.emulator.service.Params;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Subscribe, ConfirmSubscription, Unsubscribe, ListSubscriptions(ByTopic), Get/SetSubscriptionAttributes. */
final class SubscriptionOperations {
    private static final Set<String> PROTOCOLS =
            Set.of("sqs", "lambda", "http", "https", "email", "email-json", "sms", "application", "firehose");
    /** Protocols that wait for ConfirmSubscription with the token sent to the endpoint. */
    private static final Set<String> CONFIRMED_BY_ENDPOINT = Set.of("http", "https", "email", "email-json");
    private static final Set<String> RAW_CAPABLE = Set.of("sqs", "http", "https", "firehose");
    private static final Set<String> SETTABLE = Set.of("DeliveryPolicy", "FilterPolicy", "FilterPolicyScope",
            "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy");

    private final Topics topics;
    private final Fanout fanout;

    private final Ids ids;

    SubscriptionOperations(Topics topics, Fanout fanout, Ids ids) {
        this.ids = ids;
        this.topics = topics;
        this.fanout = fanout;
    }

    JsonNode subscribe(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SnsErrors.PARAMS);
        Topic topic = topics.require(p.required("TopicArn"), "TopicArn");
        String protocol = p.required("Protocol");
        String endpoint = p.string("Endpoint", "");
        checkEndpoint(topic, protocol, endpoint);
        Map<String, String> attributes = TopicOperations.strings(p.node("Attributes"));
        boolean returnArn = p.bool("ReturnSubscriptionArn", false);
        boolean pending = CONFIRMED_BY_ENDPOINT.contains(protocol);
        for (Subscription existing : topic.subscriptions()) {
            if (existing.protocol.equals(protocol) && existing.endpoint.equals(endpoint)) {
                // Subscribe is idempotent; it may not silently change what an existing subscription does.
                for (Map.Entry<String, String> e : attributes.entrySet()) {
                    if (!e.getValue().equals(existing.attribute(e.getKey()))) {
                        throw SnsErrors.invalidParameter("Attributes",
                                "Subscription already exists with different attributes");
                    }
                }
                return answer(existing, returnArn);
            }
        }
        Subscription s = new Subscription(topic.arn + ":" + ids.uuid("subscription"), topic.arn, protocol, endpoint,
                ctx.accountId(), pending ? token() : null, pending);
        // The scope first: a nested policy is only valid once the scope says MessageBody.
        if (attributes.containsKey("FilterPolicyScope")) {
            set(s, "FilterPolicyScope", attributes.get("FilterPolicyScope"));
        }
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            set(s, e.getKey(), e.getValue());
        }
        topic.add(s);
        if (protocol.equals("http") || protocol.equals("https")) {
            fanout.confirm(s);
        }
        return answer(s, returnArn);
    }

    JsonNode confirmSubscription(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SnsErrors.PARAMS);
        Topic topic = topics.require(p.required("TopicArn"), "TopicArn");
        String token = p.required("Token");
        for (Subscription s : topic.subscriptions()) {
            if (token.equals(s.token)) {
                s.confirm();
                return Json.object().put("SubscriptionArn", s.arn);
            }
        }
        throw SnsErrors.invalidParameter("Token");
    }

    JsonNode unsubscribe(RequestContext ctx, ObjectNode input) {
        String arn = new Params(input, SnsErrors.PARAMS).required("SubscriptionArn");
        TopicArn topicArn = TopicArn.ofSubscription(arn);
        if (topicArn == null) {
            throw SnsErrors.invalidParameter("SubscriptionArn");
        }
        Topic topic = topics.find(topicArn);
        if (topic != null) {
            topic.remove(arn);
        }
        return null;
    }

    JsonNode listSubscriptions(RequestContext ctx, ObjectNode input) {
        return page(topics.subscriptions(ctx.accountId(), ctx.region()), input);
    }

    JsonNode listSubscriptionsByTopic(RequestContext ctx, ObjectNode input) {
        Topic topic = topics.require(new Params(input, SnsErrors.PARAMS).required("TopicArn"), "TopicArn");
        return page(topic.subscriptions(), input);
    }

    Map<String, String> getSubscriptionAttributes(RequestContext ctx, ObjectNode input) {
        Subscription s = topics.requireSubscription(new Params(input, SnsErrors.PARAMS).required("SubscriptionArn"));
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Owner", s.owner);
        out.put("RawMessageDelivery", "false");
        out.put("TopicArn", s.topicArn.toString());
        out.put("Endpoint", s.endpoint);
        out.put("Protocol", s.protocol);
        out.put("PendingConfirmation", Boolean.toString(s.pending()));
        out.put("ConfirmationWasAuthenticated", Boolean.toString(!s.pending()));
        out.put("SubscriptionArn", s.arn);
        out.putAll(s.attributes());
        return out;
    }

    JsonNode setSubscriptionAttributes(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SnsErrors.PARAMS);
        Subscription s = topics.requireSubscription(p.required("SubscriptionArn"));
        set(s, p.required("AttributeName"), p.string("AttributeValue", ""));
        return null;
    }

    /** Validates and sets one attribute (FilterPolicy compiles, so a bad policy is refused here, not at Publish). */
    private static void set(Subscription s, String name, String value) {
        if (!SETTABLE.contains(name)) {
            throw SnsErrors.invalidParameter("AttributeName");
        }
        switch (name) {
            case "RawMessageDelivery" -> {
                TopicOperations.requireBoolean(name, value);
                if (!RAW_CAPABLE.contains(s.protocol)) {
                    throw SnsErrors.invalidParameter("Attributes", "Delivery protocol [" + s.protocol
                            + "] does not support raw message delivery.");
                }
                value = value.toLowerCase(java.util.Locale.ROOT);
            }
            case "FilterPolicy" -> {
                if (value.isBlank() || value.trim().equals("{}")) {
                    value = ""; // an empty policy removes filtering
                }
            }
            default -> {
            }
        }
        s.attribute(name, value);
    }

    private static void checkEndpoint(Topic topic, String protocol, String endpoint) {
        if (!PROTOCOLS.contains(protocol)) {
            throw SnsErrors.invalidParameter("Amazon SNS does not support this protocol string: " + protocol);
        }
        switch (protocol) {
            case "sqs" -> {
                if (!ArnTargets.is(ArnTargets.Kind.QUEUE, endpoint)) {
                    throw SnsErrors.invalidParameter("SQS endpoint ARN");
                }
                if (endpoint.endsWith(".fifo") && !topic.fifo()) {
                    throw SnsErrors.invalidParameter("Invalid parameter: Endpoint",
                            "FIFO SQS Queues can not be subscribed to standard SNS topics");
                }
            }
            case "lambda" -> {
                if (!ArnTargets.is(ArnTargets.Kind.FUNCTION, endpoint)) {
                    throw SnsErrors.invalidParameter("Lambda endpoint ARN");
                }
            }
            case "http", "https" -> {
                if (!endpoint.regionMatches(true, 0, protocol + "://", 0, protocol.length() + 3)) {
                    throw SnsErrors.invalidParameter("Endpoint must match the specified protocol");
                }
            }
            case "email", "email-json" -> {
                if (!endpoint.matches("[^@\\s]+@[^@\\s]+")) {
                    throw SnsErrors.invalidParameter("Email address");
                }
            }
            default -> {
            }
        }
        if (topic.fifo() && !protocol.equals("sqs")) {
            throw SnsErrors.invalidParameter("Invalid protocol type: " + protocol);
        }
    }

    private static JsonNode answer(Subscription s, boolean returnArn) {
        return Json.object().put("SubscriptionArn", s.pending() && !returnArn ? "pending confirmation" : s.arn);
    }

    private static JsonNode page(List<Subscription> subscriptions, ObjectNode input) {
        return Pages.page(subscriptions, new Params(input, SnsErrors.PARAMS).string("NextToken"), s -> s.arn,
                "Subscriptions", (s, list) -> entry(s, list));
    }

    private static void entry(Subscription s, ArrayNode list) {
        list.addObject()
                .put("SubscriptionArn", s.pending() ? "PendingConfirmation" : s.arn)
                .put("Owner", s.owner)
                .put("Protocol", s.protocol)
                .put("Endpoint", s.endpoint)
                .put("TopicArn", s.topicArn.toString());
    }

    /** Confirmation tokens are long hex strings on AWS. */
    private String token() {
        return ids.hex("2336412f37fb687f", 240).replace("-", "");
    }
}
