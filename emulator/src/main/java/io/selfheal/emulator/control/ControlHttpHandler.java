package io.selfheal.emulator.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.ApiCall;
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
 * (virtual clock only), {@code POST /_selfheal/reset}, {@code GET /_selfheal/capabilities} (what this server offers
 * beyond AWS: {@link CapabilitiesDocument}).
 */
public final class ControlHttpHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(ControlHttpHandler.class.getName());
    private static final String JSON = "application/json";
    /** A harness waits for quiet seconds, not hours; a longer wait would hold a worker thread. */
    private static final long MAX_IDLE_WAIT_MS = 300_000;

    private final ControlApi control;
    private final ServiceRegistry services;

    public ControlHttpHandler(ControlApi control, ServiceRegistry services) {
        this.control = control;
        this.services = services;
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
        } catch (BadParameter e) {
            reply.accept(message(400, e.getMessage()));
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
            case "POST /reset" -> {
                control.reset();
                reply.accept(ok(Json.object().put("reset", true)));
            }
            case "GET /capabilities" -> reply.accept(ok(CapabilitiesDocument.of(control)));
            default -> reply.accept(message(404, "no control route " + route));
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

    private static final class BadParameter extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadParameter(String message) {
            super(message, null, false, false);
        }
    }

    private ObjectNode clock() {
        return Json.object().put("now", control.clock().now().toString()).put("virtual", control.clock().isVirtual());
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
                out.add(callJson(call));
            }
        }
        return out;
    }

    /** Written field by field: the shared mapper has no module for {@code java.time}, so a time is ISO-8601 text. */
    private static ObjectNode callJson(ApiCall call) {
        ObjectNode node = Json.object().put("time", call.time().toString()).put("requestId", call.requestId())
                .put("accountId", call.accountId()).put("region", call.region()).put("service", call.service())
                .put("operation", call.operation()).put("callerArn", call.callerArn())
                .put("status", call.status()).put("errorCode", call.errorCode())
                .put("durationMicros", call.durationMicros());
        node.set("parameters", call.parameters());
        return node;
    }

    private static HttpResponse ok(com.fasterxml.jackson.databind.JsonNode body) {
        return HttpResponse.of(200, JSON, Json.bytes(body));
    }
}
