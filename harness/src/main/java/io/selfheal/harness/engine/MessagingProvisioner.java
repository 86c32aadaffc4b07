package io.selfheal.harness.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.harness.scenario.Stack;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Queues, topics (with their subscriptions) and log groups, then the resource policies that let SNS and EventBridge
 * deliver to them — granted per source ARN, as the team's IaC would; without them SQS and SNS refuse delivery.
 */
final class MessagingProvisioner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudClients clients;
    private final StackState state;
    private final String accountId;
    private final String region;

    MessagingProvisioner(CloudClients clients, StackState state, String accountId, String region) {
        this.clients = clients;
        this.state = state;
        this.accountId = accountId;
        this.region = region;
    }

    void queuesTopicsAndLogs(Stack stack) {
        for (Stack.Queue q : stack.queues().values()) {
            Map<String, String> attributes = new LinkedHashMap<>(state.resolve(q.attributes()));
            if (q.fifo()) {
                attributes.put("FifoQueue", "true");
            }
            String url = clients.sqs().createQueue(r -> r.queueName(q.name()).attributesWithStrings(attributes))
                    .queueUrl();
            state.put("queues", q.key(), "url", url);
            state.put("queues", q.key(), "name", q.name());
            state.put("queues", q.key(), "arn", clients.sqs().getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(QueueAttributeName.QUEUE_ARN)).attributes().get(QueueAttributeName.QUEUE_ARN));
        }
        for (Stack.Queue q : stack.queues().values()) {
            if (q.deadLetter() != null) {
                String redrive = JSON.createObjectNode().put("deadLetterTargetArn", arn("queues", q.deadLetter()))
                        .put("maxReceiveCount", q.maxReceiveCount()).toString();
                clients.sqs().setQueueAttributes(r -> r.queueUrl(state.get("queues", q.key(), "url"))
                        .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive)));
            }
        }
        for (Stack.Topic t : stack.topics().values()) {
            String arn = clients.sns().createTopic(r -> r.name(t.name())
                    .attributes(t.fifo() ? Map.of("FifoTopic", "true") : Map.of())).topicArn();
            state.put("topics", t.key(), "arn", arn);
            state.put("topics", t.key(), "name", t.name());
            for (Stack.Subscription s : t.subscriptions()) {
                Map<String, String> attributes = new LinkedHashMap<>();
                attributes.put("RawMessageDelivery", Boolean.toString(s.rawMessageDelivery()));
                if (s.filterPolicy() != null) {
                    attributes.put("FilterPolicy", s.filterPolicy());
                }
                clients.sns().subscribe(r -> r.topicArn(arn).protocol("sqs").endpoint(arn("queues", s.queue()))
                        .attributes(attributes));
            }
        }
        for (Stack.LogGroup g : stack.logGroups().values()) {
            clients.logs().createLogGroup(r -> r.logGroupName(g.name()));
            if (g.retentionDays() != null) {
                clients.logs().putRetentionPolicy(r -> r.logGroupName(g.name()).retentionInDays(g.retentionDays()));
            }
            state.put("logGroups", g.key(), "name", g.name());
            state.put("logGroups", g.key(), "arn", "arn:aws:logs:" + region + ":" + accountId + ":log-group:"
                    + g.name() + ":*");
        }
    }

    /** After the rules exist: who may send to each queue and publish to each topic. */
    void deliveryPolicies(Stack stack) {
        Map<String, ArrayNode> queueStatements = new LinkedHashMap<>();
        Map<String, ArrayNode> topicStatements = new LinkedHashMap<>();
        for (Stack.Topic t : stack.topics().values()) {
            for (Stack.Subscription s : t.subscriptions()) {
                statements(queueStatements, s.queue()).add(statement("sns.amazonaws.com", "sqs:SendMessage",
                        arn("queues", s.queue()), arn("topics", t.key())));
            }
        }
        for (Stack.Rule rule : stack.rules().values()) {
            String ruleArn = state.ruleArn(rule.key());
            for (Stack.Target target : rule.targets()) {
                for (String queue : new String[] {target.queue(), target.deadLetterQueue()}) {
                    if (queue != null) {
                        statements(queueStatements, queue).add(statement("events.amazonaws.com", "sqs:SendMessage",
                                arn("queues", queue), ruleArn));
                    }
                }
                if (target.topic() != null) {
                    statements(topicStatements, target.topic()).add(statement("events.amazonaws.com",
                            "sns:Publish", arn("topics", target.topic()), ruleArn));
                }
            }
        }
        queueStatements.forEach((queue, statements) -> clients.sqs().setQueueAttributes(r -> r
                .queueUrl(state.get("queues", queue, "url"))
                .attributes(Map.of(QueueAttributeName.POLICY, policy(statements)))));
        topicStatements.forEach((topic, statements) -> clients.sns().setTopicAttributes(r -> r
                .topicArn(arn("topics", topic)).attributeName("Policy").attributeValue(policy(statements))));
    }

    private static ArrayNode statements(Map<String, ArrayNode> byResource, String key) {
        return byResource.computeIfAbsent(key, k -> JSON.createArrayNode());
    }

    private static ObjectNode statement(String service, String action, String resource, String sourceArn) {
        ObjectNode s = JSON.createObjectNode().put("Effect", "Allow").put("Action", action).put("Resource", resource);
        s.putObject("Principal").put("Service", service);
        s.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", sourceArn);
        return s;
    }

    private static String policy(ArrayNode statements) {
        ObjectNode p = JSON.createObjectNode().put("Version", "2012-10-17");
        p.set("Statement", statements);
        return p.toString();
    }

    private String arn(String kind, String key) {
        return state.get(kind, key, "arn");
    }
}
