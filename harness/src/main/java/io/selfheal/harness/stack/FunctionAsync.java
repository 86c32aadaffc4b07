package io.selfheal.harness.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.harness.yaml.ProblemAt;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A function's failure handling, provisioned through Lambda's own APIs after CreateFunction: {@code deadLetter}
 * (DeadLetterConfig, a queue or topic), {@code eventInvokeConfig} (PutFunctionEventInvokeConfig: retries, maximum
 * event age, on-success and on-failure destinations), {@code reservedConcurrency} (PutFunctionConcurrency) and SQS
 * {@code eventSources} (CreateEventSourceMapping).
 *
 * @param maximumRetryAttempts null = AWS's default (2)
 * @param maximumEventAge      seconds; null = AWS's default (6 h)
 */
public record FunctionAsync(Ref deadLetter, Integer maximumRetryAttempts, Integer maximumEventAge, Ref onSuccess,
                            Ref onFailure, Integer reservedConcurrency, List<EventSource> eventSources) {
    public static final FunctionAsync NONE = new FunctionAsync(null, null, null, null, null, null, List.of());
    static final String[] KEYS = {"deadLetter", "eventInvokeConfig", "reservedConcurrency", "eventSources"};

    /** A stack resource by kind ({@code queues}, {@code topics}, {@code functions}) and key; its ARN is the target. */
    public record Ref(String kind, String key) {
        String arn(StackState state) {
            return state.get(kind, key, "arn");
        }
    }

    /** An SQS event source mapping of the function. */
    public record EventSource(String queue, Integer batchSize, Integer batchingWindow,
                              boolean reportBatchItemFailures) {
    }

    static FunctionAsync read(YMap m, StackReading reading) {
        Ref deadLetter = m.has("deadLetter") ? ref(m.get("deadLetter").map(), reading, false) : null;
        Integer retries = null;
        Integer age = null;
        Ref onSuccess = null;
        Ref onFailure = null;
        if (m.has("eventInvokeConfig")) {
            YMap c = m.get("eventInvokeConfig").map().allow("maximumRetryAttempts", "maximumEventAge",
                    "destinations");
            retries = retries(c.integer("maximumRetryAttempts"), c.problems());
            age = maximumEventAge(c.duration("maximumEventAge"), c.problems());
            if (c.has("destinations")) {
                YMap d = c.get("destinations").map().allow("onSuccess", "onFailure");
                onSuccess = d.has("onSuccess") ? ref(d.get("onSuccess").map(), reading, true) : null;
                onFailure = d.has("onFailure") ? ref(d.get("onFailure").map(), reading, true) : null;
            }
        }
        Integer reserved = reservedConcurrency(m.integer("reservedConcurrency"), m.problems());
        List<EventSource> sources = new ArrayList<>();
        if (m.has("eventSources")) {
            for (YNode item : m.get("eventSources").list()) {
                YMap s = item.map().allow("queue", "batchSize", "batchingWindow", "reportBatchItemFailures");
                String queue = reading.stackKey(QueueKind.KEY, s.require("queue"));
                Integer window = batchingWindow(s.duration("batchingWindow"), s.problems());
                sources.add(new EventSource(queue, s.integer("batchSize"), window,
                        Boolean.TRUE.equals(s.bool("reportBatchItemFailures"))));
            }
        }
        return new FunctionAsync(deadLetter, retries, age, onSuccess, onFailure, reserved, List.copyOf(sources));
    }

    /**
     * What Lambda does as the execution role for these settings
     * (https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html,
     * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html), or null when nothing.
     */
    private String platformPolicy(StackState state) {
        ArrayNode statements = JsonNodeFactory.instance.arrayNode();
        for (Ref target : Arrays.asList(deadLetter, onSuccess, onFailure)) {
            if (target != null) {
                String action = switch (target.kind()) {
                    case QueueKind.KEY -> "sqs:SendMessage";
                    case TopicKind.KEY -> "sns:Publish";
                    default -> "lambda:InvokeFunction";
                };
                statements.addObject().put("Effect", "Allow").put("Action", action)
                        .put("Resource", target.arn(state));
            }
        }
        for (EventSource s : eventSources) {
            var statement = statements.addObject().put("Effect", "Allow");
            statement.putArray("Action").add("sqs:ReceiveMessage").add("sqs:DeleteMessage")
                    .add("sqs:GetQueueAttributes");
            statement.put("Resource", state.get(QueueKind.KEY, s.queue(), "arn"));
        }
        if (statements.isEmpty()) {
            return null;
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode().put("Version", "2012-10-17");
        doc.set("Statement", statements);
        return doc.toString();
    }

    /** Lambda's MaximumRetryAttempts range (0–2), for the YAML reader and the Java DSL alike. */
    public static Integer retries(Integer retries, ProblemAt problems) {
        if (retries != null && (retries < 0 || retries > 2)) {
            problems.problem("maximumRetryAttempts", "maximumRetryAttempts must be 0, 1 or 2");
        }
        return retries;
    }

    /** Lambda's MaximumEventAgeInSeconds range (60–21,600) for a duration; its seconds, or null for none. */
    public static Integer maximumEventAge(Duration age, ProblemAt problems) {
        if (age == null) {
            return null;
        }
        if (age.toSeconds() < 60 || age.toSeconds() > 21_600) {
            problems.problem("maximumEventAge", "maximumEventAge must be between PT1M and PT6H");
        }
        return (int) age.toSeconds();
    }

    /** PutFunctionConcurrency's lower bound: 0 throttles everything, less is refused. */
    public static Integer reservedConcurrency(Integer reserved, ProblemAt problems) {
        if (reserved != null && reserved < 0) {
            problems.problem("reservedConcurrency", "reservedConcurrency must be 0 or more");
        }
        return reserved;
    }

    /** An event source's MaximumBatchingWindowInSeconds (0–300) for a duration; its seconds, or null for none. */
    public static Integer batchingWindow(Duration window, ProblemAt problems) {
        if (window == null) {
            return null;
        }
        if (window.isNegative() || window.toSeconds() > 300) {
            problems.problem("batchingWindow", "batchingWindow must be between PT0S and PT5M");
        }
        return (int) window.toSeconds();
    }

    /** {@code {queue: key}} or {@code {topic: key}}, and for destinations also {@code {function: key}}. */
    private static Ref ref(YMap m, StackReading reading, boolean functions) {
        if (functions) {
            m.allow("queue", "topic", "function");
        } else {
            m.allow("queue", "topic");
        }
        if (m.has("queue")) {
            return new Ref(QueueKind.KEY, reading.stackKey(QueueKind.KEY, m.get("queue")));
        }
        if (m.has("topic")) {
            return new Ref(TopicKind.KEY, reading.stackKey(TopicKind.KEY, m.get("topic")));
        }
        if (functions && m.has("function")) {
            return new Ref(FunctionKind.KEY, reading.stackKey(FunctionKind.KEY, m.get("function")));
        }
        m.node().problem(functions ? "give one of queue, topic or function" : "give one of queue or topic");
        return null;
    }

    /**
     * After CreateFunction: the settings through Lambda's APIs, as the team's IaC would make them.
     *
     * @param madeRole the role the harness made for the function (null when the scenario names one): it gets the
     *                 permissions Lambda uses as the execution role for these settings, as AWS SAM adds them to the
     *                 role it generates (DLQ and destination sends, the SQS poller's receive and delete)
     */
    void provision(String functionName, String madeRole, Provisioning p) {
        var lambda = p.clients().lambda();
        StackState state = p.state();
        String platform = platformPolicy(state);
        if (madeRole != null && platform != null) {
            p.clients().iam().putRolePolicy(r -> r.roleName(madeRole).policyName(functionName + "-platform")
                    .policyDocument(platform));
        }
        if (deadLetter != null) {
            lambda.updateFunctionConfiguration(r -> r.functionName(functionName)
                    .deadLetterConfig(d -> d.targetArn(deadLetter.arn(state))));
        }
        if (maximumRetryAttempts != null || maximumEventAge != null || onSuccess != null || onFailure != null) {
            lambda.putFunctionEventInvokeConfig(r -> {
                r.functionName(functionName).maximumRetryAttempts(maximumRetryAttempts)
                        .maximumEventAgeInSeconds(maximumEventAge);
                r.destinationConfig(d -> {
                    if (onSuccess != null) {
                        d.onSuccess(s -> s.destination(onSuccess.arn(state)));
                    }
                    if (onFailure != null) {
                        d.onFailure(f -> f.destination(onFailure.arn(state)));
                    }
                });
            });
        }
        if (reservedConcurrency != null) {
            lambda.putFunctionConcurrency(r -> r.functionName(functionName)
                    .reservedConcurrentExecutions(reservedConcurrency));
        }
        for (EventSource s : eventSources) {
            lambda.createEventSourceMapping(r -> {
                r.functionName(functionName).eventSourceArn(state.get(QueueKind.KEY, s.queue(), "arn"))
                        .batchSize(s.batchSize()).maximumBatchingWindowInSeconds(s.batchingWindow());
                if (s.reportBatchItemFailures()) {
                    r.functionResponseTypesWithStrings("ReportBatchItemFailures");
                }
            });
        }
    }
}
