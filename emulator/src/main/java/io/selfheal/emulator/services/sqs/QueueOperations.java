package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Queue lifecycle, attributes and tags. */
final class QueueOperations {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Pattern FIFO_NAME = Pattern.compile("[A-Za-z0-9_-]{1,75}\\.fifo");

    private final SqsQueues queues;
    private final EmulatorClock clock;

    QueueOperations(SqsQueues queues, EmulatorClock clock) {
        this.queues = queues;
        this.clock = clock;
    }

    JsonNode createQueue(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SqsErrors.PARAMS);
        String name = p.required("QueueName");
        JsonNode requestedAttributes = input.path("Attributes");
        boolean fifo = "true".equalsIgnoreCase(requestedAttributes.path("FifoQueue").asText());
        if (fifo && !FIFO_NAME.matcher(name).matches()) {
            throw SqsErrors.invalidParameter("The name of a FIFO queue can only include alphanumeric characters, "
                    + "hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.");
        }
        if (!fifo && !NAME.matcher(name).matches()) {
            throw SqsErrors.invalidParameter(
                    "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
        }
        Map<String, String> requested = validated(requestedAttributes, fifo, true);
        RedrivePolicy.validate(requested.get("RedrivePolicy"), fifo, queues);
        Map<String, SqsQueue> inRegion = queues.in(ctx);
        Instant now = clock.now();
        Map<String, String> initial = QueueAttributes.defaults(fifo);
        initial.putAll(requested);
        initial.values().removeIf(String::isEmpty);
        SqsQueue created = new SqsQueue(queues.ids(), queues.arrivals(), name, ctx.accountId(), ctx.region(), initial, now);
        SqsQueue queue = inRegion.merge(name, created, (old, fresh) -> old.deleted() ? fresh : old);
        if (queue != created) {
            // CreateQueue is idempotent only when every requested attribute matches the existing queue.
            Map<String, String> existing = queue.attributes();
            for (Map.Entry<String, String> e : requested.entrySet()) {
                if (!e.getValue().equals(existing.getOrDefault(e.getKey(), ""))) {
                    throw SqsErrors.queueNameExists(e.getKey());
                }
            }
        } else {
            queue.tag(stringMap(input.path("tags")));
        }
        return Json.object().put("QueueUrl", SqsQueues.url(ctx.endpoint(), queue));
    }

    JsonNode getQueueUrl(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SqsErrors.PARAMS);
        String name = p.required("QueueName");
        String owner = p.string("QueueOwnerAWSAccountId", ctx.accountId());
        SqsQueue queue = queues.in(owner, ctx.region()).get(name);
        if (queue == null || queue.deleted()) {
            throw SqsErrors.nonExistentQueue();
        }
        return Json.object().put("QueueUrl", SqsQueues.url(ctx.endpoint(), queue));
    }

    JsonNode listQueues(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, SqsErrors.PARAMS);
        String prefix = p.string("QueueNamePrefix", "");
        Integer max = p.integer("MaxResults");
        if (max != null && (max < 1 || max > 1000)) {
            throw SqsErrors.invalidParameter("MaxResults", max.toString(), "Must be between 1 and 1000, if provided.");
        }
        String after = p.has("NextToken") ? decodeToken(p.string("NextToken")) : "";
        List<SqsQueue> matching = new ArrayList<>();
        for (SqsQueue q : queues.in(ctx).values()) {
            if (!q.deleted() && q.name.startsWith(prefix) && q.name.compareTo(after) > 0) {
                matching.add(q);
            }
        }
        matching.sort((a, b) -> a.name.compareTo(b.name));
        int limit = max == null ? 1000 : max;
        ObjectNode result = Json.object();
        ArrayNode urls = Json.array();
        matching.stream().limit(limit).forEach(q -> urls.add(SqsQueues.url(ctx.endpoint(), q)));
        if (!urls.isEmpty()) {
            result.set("QueueUrls", urls);
        }
        if (max != null && matching.size() > limit) {
            String last = matching.get(limit - 1).name;
            result.put("NextToken", Base64.getEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
        }
        return result;
    }

    private static String decodeToken(String token) {
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw SqsErrors.invalidParameter("NextToken", token, "Invalid NextToken value.");
        }
    }

    JsonNode getQueueAttributes(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        List<String> names = new Params(input, SqsErrors.PARAMS).strings("AttributeNames");
        Map<String, String> all = allAttributes(queue, clock.now());
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String name : names) {
            if (name.equals("All")) {
                chosen.putAll(all);
            } else if (all.containsKey(name)) {
                chosen.put(name, all.get(name));
            } else if (!knownButUnset(name, queue.fifo)) {
                throw SqsErrors.invalidAttributeName(name);
            }
        }
        ObjectNode result = Json.object();
        if (!chosen.isEmpty()) {
            ObjectNode attributes = result.putObject("Attributes");
            chosen.forEach(attributes::put);
        }
        return result;
    }

    private static boolean knownButUnset(String name, boolean fifo) {
        try {
            QueueAttributes.validate(name, null, fifo, true);
            return true;
        } catch (io.selfheal.emulator.core.AwsException e) {
            return !e.code().equals("InvalidAttributeName");
        }
    }

    private static Map<String, String> allAttributes(SqsQueue queue, Instant now) {
        int[] counts = queue.counts(now);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("QueueArn", queue.arn);
        all.put("ApproximateNumberOfMessages", Integer.toString(counts[0]));
        all.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(counts[1]));
        all.put("ApproximateNumberOfMessagesDelayed", Integer.toString(counts[2]));
        all.put("CreatedTimestamp", Long.toString(queue.createdAt.getEpochSecond()));
        all.put("LastModifiedTimestamp", Long.toString(queue.lastModifiedAt().getEpochSecond()));
        all.putAll(queue.attributes());
        return all;
    }

    JsonNode setQueueAttributes(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        if (!input.path("Attributes").isObject()) {
            throw SqsErrors.missingParameter("Attributes");
        }
        Map<String, String> values = validated(input.get("Attributes"), queue.fifo, false);
        RedrivePolicy.validate(values.get("RedrivePolicy"), queue.fifo, queues);
        queue.setAttributes(values, clock.now());
        return null;
    }

    JsonNode deleteQueue(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        queues.in(queue.accountId, queue.region).remove(queue.name, queue);
        queue.markDeleted();
        return null;
    }

    JsonNode purgeQueue(RequestContext ctx, ObjectNode input) {
        queues.byUrl(ctx, input.path("QueueUrl").asText(null)).purge(clock.now());
        return null;
    }

    JsonNode tagQueue(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        Map<String, String> tags = stringMap(input.path("Tags"));
        if (tags.isEmpty()) {
            throw SqsErrors.missingParameter("Tags");
        }
        queue.tag(tags);
        return null;
    }

    JsonNode untagQueue(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        List<String> keys = new Params(input, SqsErrors.PARAMS).strings("TagKeys");
        if (keys.isEmpty()) {
            throw SqsErrors.missingParameter("TagKeys");
        }
        queue.untag(keys);
        return null;
    }

    JsonNode listQueueTags(RequestContext ctx, ObjectNode input) {
        SqsQueue queue = queues.byUrl(ctx, input.path("QueueUrl").asText(null));
        ObjectNode result = Json.object();
        Map<String, String> tags = queue.tags();
        if (!tags.isEmpty()) {
            ObjectNode t = result.putObject("Tags");
            tags.forEach(t::put);
        }
        return result;
    }

    private static Map<String, String> validated(JsonNode attributes, boolean fifo, boolean creating) {
        Map<String, String> out = new LinkedHashMap<>();
        attributes.fields().forEachRemaining(e ->
                out.put(e.getKey(), QueueAttributes.validate(e.getKey(), e.getValue(), fifo, creating)));
        return out;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }
}
