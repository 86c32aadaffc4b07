package io.selfheal.emulator.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.authz.AuthorizationDecision;
import io.selfheal.emulator.core.authz.IamMode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.http.HttpHandler;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.service.ServiceRegistry;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@link ControlApi} over HTTP, for harnesses in other processes:
 * {@code GET /_selfheal/health}, {@code GET /_selfheal/calls[?service=&operation=]},
 * {@code GET /_selfheal/retention} (each history's entries, bytes, limit and dropped count),
 * {@code POST /_selfheal/idle?timeoutMs=}, {@code GET /_selfheal/clock}, {@code POST /_selfheal/clock/advance?ms=}
 * (virtual clock only), {@code POST /_selfheal/reset}, {@code POST /_selfheal/guardduty/findings} (a threat for a
 * real instance: {@code {"account","region","instanceId","type","severity"[,"overrides"]}} →
 * {@code {"findingId","detectorId","count"}}; 409 when the account and region has no enabled detector),
 * {@code POST /_selfheal/lambda/faults} (JSON {@code {"account","region","function","mode","times","forSeconds"}}) and
 * {@code DELETE /_selfheal/lambda/faults} (JSON {@code {"account","region","function"}}; no body ends every fault),
 * {@code GET /_selfheal/capabilities} (what this server offers beyond AWS: {@link CapabilitiesDocument}), and the
 * routes a remote harness runs scenarios with ({@link HarnessRoutes}): {@code POST /_selfheal/clock/step?until=},
 * {@code POST /_selfheal/ec2/cpu-load}, {@code POST /_selfheal/ec2/stop-responding},
 * {@code GET /_selfheal/ec2/reboots?instanceId=}, {@code GET /_selfheal/lambda/invocations[?function=]},
 * {@code GET /_selfheal/events}, {@code POST /_selfheal/events/redeliver}, {@code POST /_selfheal/events/emit}.
 */
public final class ControlHttpHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(ControlHttpHandler.class.getName());
    private static final String JSON = "application/json";
    /** A harness waits for quiet seconds, not hours; a longer wait would hold a worker thread. */
    private static final long MAX_IDLE_WAIT_MS = 300_000;

    private final ControlApi control;
    private final ServiceRegistry services;
    private final HarnessRoutes harness;

    public ControlHttpHandler(ControlApi control, ServiceRegistry services) {
        this.control = control;
        this.services = services;
        this.harness = new HarnessRoutes(control);
    }

    /** Answers every request: a bad parameter is a 400 naming it, a failure a 500 without our internals. */
    @Override
    public void handle(HttpRequest request, Consumer<HttpResponse> reply) {
        try {
            if (request.malformed() != null) {
                reply.accept(message(400, request.malformed()));
            } else {
                route(request, reply);
            }
        } catch (BadParameter | IllegalArgumentException e) {
            reply.accept(message(400, e.getMessage()));
        } catch (io.selfheal.emulator.core.CloudNotIdleException e) {
            // Not a failure of the control API: the cloud is busy, and a remote harness reports why.
            reply.accept(message(503, e.getMessage()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "control request failed: " + request.method() + " " + request.path(), e);
            reply.accept(message(500, "the control request failed"));
        }
    }

    private void route(HttpRequest request, Consumer<HttpResponse> reply) {
        String path = request.path().substring("/_selfheal".length());
        String route = request.method() + " " + path;
        switch (route) {
            case "GET /health" -> reply.accept(ok(health()));
            case "GET /calls" -> reply.accept(ok(calls(request)));
            case "GET /retention" -> reply.accept(ok(retention()));
            case "POST /idle" -> {
                long timeoutMs = millis(request, "timeoutMs", 10_000, MAX_IDLE_WAIT_MS);
                boolean idle = control.awaitIdle(Duration.ofMillis(timeoutMs));
                reply.accept(ok(Json.object().put("idle", idle)));
            }
            case "GET /clock" -> reply.accept(ok(clock()));
            case "POST /clock/advance" -> {
                if (!control.clock().isVirtual()) {
                    reply.accept(HttpResponse.of(409, JSON, Json.bytes(Json.object()
                            .put("message", "the emulator runs in real time; only a virtual clock advances"))));
                    return;
                }
                control.advance(Duration.ofMillis(millis(request, "ms", 0, Long.MAX_VALUE / 2)));
                reply.accept(ok(clock()));
            }
            case "POST /guardduty/findings" -> reply.accept(injectFinding(request));
            case "GET /iam/mode" -> reply.accept(ok(iamMode()));
            case "POST /iam/mode", "PUT /iam/mode" -> {
                String mode = request.query().get("mode");
                try {
                    control.iamMode(IamMode.parse(mode));
                } catch (IllegalArgumentException bad) {
                    throw new BadParameter(bad.getMessage());
                }
                reply.accept(ok(iamMode()));
            }
            case "GET /iam/decisions" -> reply.accept(ok(decisions(request)));
            case "POST /reset" -> {
                control.reset();
                reply.accept(ok(Json.object().put("reset", true)));
            }
            case "POST /lambda/faults" -> {
                JsonNode body = body(request);
                control.functionFaults().inject(account(body), region(body), required(body, "function"),
                        mode(body), body.path("times").asInt(0),
                        body.hasNonNull("forSeconds") ? Duration.ofSeconds(body.get("forSeconds").asLong()) : null);
                reply.accept(ok(Json.object().put("injected", true)));
            }
            case "DELETE /lambda/faults" -> {
                JsonNode body = request.body().length == 0 ? Json.object() : body(request);
                if (body.hasNonNull("function")) {
                    control.functionFaults().clear(account(body), region(body), body.get("function").asText());
                } else {
                    control.functionFaults().clearAll();
                }
                reply.accept(ok(Json.object().put("cleared", true)));
            }
            case "GET /capabilities" -> reply.accept(ok(CapabilitiesDocument.of(control)));
            case "POST /clock/step" -> {
                if (!(control.clock() instanceof io.selfheal.emulator.core.VirtualClock virtual)) {
                    reply.accept(message(409, "the emulator runs in real time; only a virtual clock steps"));
                    return;
                }
                reply.accept(ok(harness.step(request, virtual)));
            }
            case "POST /ec2/cpu-load" -> reply.accept(ok(harness.cpuLoad(body(request))));
            case "POST /ec2/stop-responding" -> reply.accept(ok(harness.stopResponding(body(request))));
            case "GET /ec2/reboots" -> reply.accept(ok(harness.reboots(request)));
            case "GET /lambda/invocations" -> reply.accept(ok(harness.invocations(request)));
            case "GET /events" -> reply.accept(ok(harness.events()));
            case "POST /events/redeliver" -> reply.accept(ok(harness.redeliver(body(request))));
            case "POST /events/emit" -> {
                JsonNode body = body(request);
                reply.accept(ok(harness.emit(body, account(body), region(body))));
            }
            default -> reply.accept(message(404, "no control route " + route));
        }
    }

    private HttpResponse injectFinding(HttpRequest request) {
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = Json.parse(request.body());
        } catch (java.io.IOException e) {
            throw new BadParameter("the body must be a JSON object");
        }
        if (!body.isObject()) {
            throw new BadParameter("the body must be a JSON object");
        }
        java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();
        body.path("overrides").fields().forEachRemaining(e -> overrides.put(e.getKey(), e.getValue().asText()));
        JsonNodeReader in = new JsonNodeReader(body);
        GuardDutyControl.FindingInjection injection = new GuardDutyControl.FindingInjection(in.text("account"),
                in.text("region"), in.text("instanceId"), in.text("type"),
                body.hasNonNull("severity") ? body.get("severity").asDouble() : null, overrides);
        int times = body.path("times").asInt(1);
        long everySeconds = body.path("everySeconds").asLong(0);
        if (times < 1 || (times > 1 && everySeconds < 1)) {
            throw new BadParameter("times is at least 1, and more than one occurrence needs everySeconds above 0");
        }
        try {
            GuardDutyControl guardDuty = control.guardDuty();
            GuardDutyControl.InjectedFinding f = guardDuty.inject(injection);
            // Later occurrences are timers on the emulator clock, so a virtual clock reaches them as it advances.
            for (int n = 1; n < times; n++) {
                control.clock().schedule(Duration.ofSeconds(everySeconds * n), () -> guardDuty.inject(injection));
            }
            return ok(Json.object().put("findingId", f.findingId()).put("detectorId", f.detectorId())
                    .put("count", f.count()));
        } catch (IllegalArgumentException e) {
            return message(400, e.getMessage());
        } catch (IllegalStateException e) {
            return message(409, e.getMessage());
        }
    }

    /** Required text members of a control request's body. */
    private record JsonNodeReader(com.fasterxml.jackson.databind.JsonNode body) {
        String text(String name) {
            com.fasterxml.jackson.databind.JsonNode v = body.get(name);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw new BadParameter(name + " is required (text)");
            }
            return v.asText();
        }
    }

    private static HttpResponse message(int status, String message) {
        return HttpResponse.of(status, JSON, Json.bytes(Json.object().put("message", message)));
    }

    /** A query parameter in milliseconds, 0 to {@code max}. */
    private static long millis(HttpRequest request, String name, long fallback, long max) {
        String text = request.query().get(name);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // worded below
        }
        throw new BadParameter(name + " must be a whole number of milliseconds from 0 to " + max + ", not " + text);
    }

    private static JsonNode body(HttpRequest request) {
        try {
            JsonNode body = Json.parse(request.body());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (java.io.IOException | RuntimeException notJson) {
            // worded below
        }
        throw new BadParameter("the body must be a JSON object");
    }

    private static String required(JsonNode body, String field) {
        if (!body.hasNonNull(field) || body.get(field).asText().isEmpty()) {
            throw new BadParameter(field + " is required");
        }
        return body.get(field).asText();
    }

    private String account(JsonNode body) {
        return body.hasNonNull("account") ? body.get("account").asText() : control.defaultAccountId();
    }

    private String region(JsonNode body) {
        return body.hasNonNull("region") ? body.get("region").asText() : control.defaultRegion();
    }

    private static FunctionFaults.Mode mode(JsonNode body) {
        try {
            return FunctionFaults.Mode.parse(required(body, "mode"));
        } catch (IllegalArgumentException e) {
            throw new BadParameter(e.getMessage());
        }
    }

    private static final class BadParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadParameter(String message) {
            super(message, null, false, false);
        }
    }

    private ObjectNode clock() {
        return Json.object().put("now", control.clock().now().toString()).put("virtual", control.clock().isVirtual());
    }

    private ObjectNode iamMode() {
        return Json.object().put("mode", control.iamMode().wireName());
    }

    /** {@code ?principal=} (ARN suffix, e.g. a function's session name) and {@code ?outcome=denied|allowed} filter. */
    private ArrayNode decisions(HttpRequest request) {
        String principal = request.query().get("principal");
        String outcome = request.query().get("outcome");
        ArrayNode out = Json.array();
        for (AuthorizationDecision d : control.decisions()) {
            if ((principal != null && !d.principalArn().endsWith(principal))
                    || (outcome != null && d.allowed() != "allowed".equalsIgnoreCase(outcome))) {
                continue;
            }
            ObjectNode o = out.addObject().put("time", d.time().toString()).put("principal", d.principalArn())
                    .put("action", d.action()).put("resource", d.resource())
                    .put("decision", d.outcome().name()).put("enforced", d.enforced()).put("origin", d.origin());
            putIfSet(o, "requestId", d.requestId());
            putIfSet(o, "policyType", d.policyType());
            putIfSet(o, "matchedStatement", d.matchedStatement());
            putIfSet(o, "reason", d.reason());
            if (!d.unevaluatedConditions().isEmpty()) {
                d.unevaluatedConditions().forEach(o.putArray("unevaluatedConditions")::add);
            }
        }
        return out;
    }

    private static void putIfSet(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    private ObjectNode health() {
        ObjectNode health = Json.object().put("status", "running");
        ArrayNode names = health.putArray("services");
        services.all().forEach(s -> names.add(s.descriptor().signingName()));
        return health;
    }

    private ArrayNode retention() {
        ArrayNode out = Json.array();
        for (io.selfheal.emulator.core.Retention.Usage u : control.retention()) {
            out.addObject().put("history", u.history()).put("entries", u.entries()).put("bytes", u.bytes())
                    .put("dropped", u.dropped()).put("maxEntries", u.limit().entries())
                    .put("maxBytes", u.limit().bytes());
        }
        return out;
    }

    private ArrayNode calls(HttpRequest request) {
        String service = request.query().get("service");
        String operation = request.query().get("operation");
        ArrayNode out = Json.array();
        for (ApiCall call : control.calls()) {
            if ((service == null || service.equals(call.service()))
                    && (operation == null || operation.equals(call.operation()))) {
                out.add(ControlJson.call(call));
            }
        }
        return out;
    }

    private static HttpResponse ok(com.fasterxml.jackson.databind.JsonNode body) {
        return HttpResponse.of(200, JSON, Json.bytes(body));
    }
}
