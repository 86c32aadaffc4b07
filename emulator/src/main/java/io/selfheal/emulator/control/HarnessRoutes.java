package io.selfheal.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.VirtualClock;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The control routes a harness in another process needs to run a scenario as the embedded one does: faults AWS has
 * no API for (an instance's CPU load, a hang, a service's own event), what only the emulator records (reboot counts,
 * invocations, events), at-least-once redelivery and one step of the virtual clock. A bad parameter is an
 * {@link IllegalArgumentException}, which {@link ControlHttpHandler} answers with a 400 naming it.
 */
final class HarnessRoutes {
    private final ControlApi control;

    HarnessRoutes(ControlApi control) {
        this.control = control;
    }

    /**
     * {@code {"instanceId","percent"[,"forSeconds"]}}: no forSeconds lasts until the instance reboots; 400 when there
     * is no such instance, it is not running or the percentage is outside 0–100.
     */
    ObjectNode cpuLoad(JsonNode body) {
        Duration lasting = body.hasNonNull("forSeconds") ? Duration.ofSeconds(body.get("forSeconds").asLong()) : null;
        if (!body.path("percent").isNumber()) {
            throw new IllegalArgumentException("percent is required (a number from 0 to 100)");
        }
        try {
            ec2().setCpuLoad(required(body, "instanceId"), body.get("percent").asDouble(), lasting);
        } catch (IllegalStateException notRunning) {
            throw new IllegalArgumentException(notRunning.getMessage());
        }
        return Json.object().put("injected", true);
    }

    /** {@code {"instanceId"}}; 400 when there is no such instance or it is not running. */
    ObjectNode stopResponding(JsonNode body) {
        try {
            ec2().stopResponding(required(body, "instanceId"));
        } catch (IllegalStateException notRunning) {
            throw new IllegalArgumentException(notRunning.getMessage());
        }
        return Json.object().put("injected", true);
    }

    /** {@code ?instanceId=} → {@code {"instanceId","count"}}. */
    ObjectNode reboots(HttpRequest request) {
        String id = request.query().get("instanceId");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("instanceId is required");
        }
        return Json.object().put("instanceId", id).put("count", ec2().rebootCount(id));
    }

    /** {@code [?function=NAME]}: every invocation, or one function's, in start order. */
    ArrayNode invocations(HttpRequest request) {
        LambdaControl lambda = component(LambdaControl.class, "Lambda");
        String function = request.query().get("function");
        ArrayNode out = Json.array();
        (function == null ? lambda.invocations() : lambda.invocations(function))
                .forEach(i -> out.add(ControlJson.invocation(i)));
        return out;
    }

    /** Every event that reached a bus, with its deliveries. */
    ArrayNode events() {
        ArrayNode out = Json.array();
        component(EventsControl.class, "EventBridge").events().forEach(e -> out.add(ControlJson.event(e)));
        return out;
    }

    /** {@code {"eventId"}} → the new record of the redelivery. */
    ObjectNode redeliver(JsonNode body) {
        return ControlJson.event(component(EventsControl.class, "EventBridge").redeliver(required(body, "eventId")));
    }

    /** {@code {["account","region"],"source","detailType"[,"resources","detail"]}}: an AWS service's own event. */
    ObjectNode emit(JsonNode body, String account, String region) {
        String source = required(body, "source");
        if (!source.startsWith("aws.")) {
            throw new IllegalArgumentException("source must be an AWS service's (aws.*); put others with PutEvents");
        }
        List<String> resources = new ArrayList<>();
        body.path("resources").forEach(r -> resources.add(r.asText()));
        ObjectNode detail = body.path("detail") instanceof ObjectNode o ? o : Json.object();
        component(EventsControl.class, "EventBridge").emit(new ServiceEvent(account, region, source,
                required(body, "detailType"), resources, detail, null));
        return Json.object().put("emitted", true);
    }

    /**
     * {@code ?until=ISO-8601}: one step of the virtual clock ({@link VirtualClock#step}), so a remote harness can
     * check its condition between timers as the embedded one does.
     */
    ObjectNode step(HttpRequest request, VirtualClock clock) {
        String until = request.query().get("until");
        Instant limit;
        try {
            limit = Instant.parse(until == null ? "" : until);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("until must be an ISO-8601 instant such as 2026-01-01T00:05:00Z, not "
                    + until);
        }
        boolean stepped = clock.step(limit);
        return Json.object().put("now", clock.now().toString()).put("stepped", stepped);
    }

    private Ec2Control ec2() {
        return component(Ec2Control.class, "EC2");
    }

    private <T> T component(Class<T> type, String service) {
        T component = control.component(type);
        if (component == null) {
            throw new IllegalStateException("this emulator runs no " + service + " service");
        }
        return component;
    }

    private static String required(JsonNode body, String field) {
        if (!body.hasNonNull(field) || body.get(field).asText().isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return body.get(field).asText();
    }
}
