package io.selfheal.harness.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.QueueExpectation;
import io.selfheal.harness.expect.TopicExpectation;

/**
 * {@code queue} and {@code topic}: how many messages a stack queue holds (or a topic published), and a message that
 * contains a JSON subset: {@code Outcomes.queue("alerts").messages(1).contains("{\"detail\": {\"state\": …}}")}.
 */
public final class MessagesOutcome extends Spec<MessagesOutcome> implements OutcomeSpec {
    private final String kind;
    private final String ref;
    private Integer count;
    private String contains;

    /** @param kind queue or topic */
    MessagesOutcome(String kind, String ref) {
        this.kind = kind;
        this.ref = ref;
    }

    /** How many messages the queue holds ({@code messages}), or the topic published ({@code published}). */
    public MessagesOutcome messages(int count) {
        return with(s -> s.count = count);
    }

    /** A message (body) that contains this JSON subset. */
    public MessagesOutcome contains(String json) {
        return with(s -> s.contains = json);
    }

    @Override
    public String key() {
        return kind;
    }

    @Override
    public Expectation build(Checks checks) {
        boolean queue = kind.equals("queue");
        String key = checks.stackKey("ref", queue ? "queues" : "topics", ref);
        if (count == null && contains == null) {
            checks.problem(queue ? "give messages (a count), contains (a JSON subset of a message body) or both"
                    : "give published (a count), contains (a JSON subset of a message) or both");
            return null;
        }
        JsonNode subset = JsonText.read(contains, checks.at("contains"));
        if (key == null) {
            return null;
        }
        return queue ? new QueueExpectation(key, count, subset) : new TopicExpectation(key, count, subset);
    }
}
