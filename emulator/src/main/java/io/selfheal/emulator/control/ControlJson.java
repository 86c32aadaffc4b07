package io.selfheal.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The control API's JSON for the records a remote harness reads back (calls, invocations, events), both ways, so the
 * server and its client agree on one shape. Written field by field: the shared mapper has no module for
 * {@code java.time}, so a time is ISO-8601 text.
 */
public final class ControlJson {
    private ControlJson() {
    }

    public static ObjectNode call(ApiCall call) {
        ObjectNode node = Json.object().put("time", call.time().toString()).put("requestId", call.requestId())
                .put("accountId", call.accountId()).put("region", call.region()).put("service", call.service())
                .put("operation", call.operation()).put("callerArn", call.callerArn())
                .put("status", call.status()).put("errorCode", call.errorCode())
                .put("durationMicros", call.durationMicros()).put("readOnly", call.readOnly())
                .put("iamAction", call.iamAction());
        node.set("parameters", call.parameters());
        return node;
    }

    public static ApiCall call(JsonNode n) {
        return new ApiCall(instant(n, "time"), text(n, "requestId"), text(n, "accountId"), text(n, "region"),
                text(n, "service"), text(n, "operation"), text(n, "callerArn"), n.path("parameters"),
                n.path("status").asInt(), text(n, "errorCode"), n.path("durationMicros").asLong(),
                n.path("readOnly").asBoolean(), text(n, "iamAction"));
    }

    public static ObjectNode invocation(FunctionInvocation i) {
        return Json.object().put("requestId", i.requestId()).put("functionName", i.functionName())
                .put("functionArn", i.functionArn()).put("invocationType", i.invocationType())
                .put("invokedBy", i.invokedBy()).put("started", text(i.started()))
                .put("finished", text(i.finished())).put("payload", i.payload()).put("response", i.response())
                .put("errorType", i.errorType()).put("errorMessage", i.errorMessage()).put("logs", i.logs());
    }

    public static FunctionInvocation invocation(JsonNode n) {
        return new FunctionInvocation(text(n, "requestId"), text(n, "functionName"), text(n, "functionArn"),
                text(n, "invocationType"), text(n, "invokedBy"), instant(n, "started"), instant(n, "finished"),
                text(n, "payload"), text(n, "response"), text(n, "errorType"), text(n, "errorMessage"),
                text(n, "logs"));
    }

    public static ObjectNode event(EventRecord e) {
        ObjectNode node = Json.object().put("eventId", e.eventId()).put("busArn", e.busArn())
                .put("received", text(e.received()));
        node.set("event", e.event());
        var deliveries = node.putArray("deliveries");
        for (EventRecord.TargetDelivery d : e.deliveries()) {
            deliveries.addObject().put("ruleArn", d.ruleArn()).put("targetId", d.targetId())
                    .put("targetArn", d.targetArn()).put("input", d.input()).put("errorCode", d.errorCode())
                    .put("errorMessage", d.errorMessage());
        }
        return node;
    }

    public static EventRecord event(JsonNode n) {
        List<EventRecord.TargetDelivery> deliveries = new ArrayList<>();
        for (JsonNode d : n.path("deliveries")) {
            deliveries.add(new EventRecord.TargetDelivery(text(d, "ruleArn"), text(d, "targetId"),
                    text(d, "targetArn"), text(d, "input"), text(d, "errorCode"), text(d, "errorMessage")));
        }
        ObjectNode event = n.path("event") instanceof ObjectNode o ? o : Json.object();
        return new EventRecord(text(n, "eventId"), text(n, "busArn"), event, instant(n, "received"),
                List.copyOf(deliveries));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        String v = text(n, field);
        return v == null ? null : Instant.parse(v);
    }
}
