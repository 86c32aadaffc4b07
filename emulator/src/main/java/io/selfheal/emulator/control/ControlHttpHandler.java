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

/**
 * {@link ControlApi} over HTTP, for harnesses in other processes:
 * {@code GET /_selfheal/health}, {@code GET /_selfheal/calls[?service=&operation=]},
 * {@code GET /_selfheal/retention} (each history's entries, bytes, limit and dropped count),
 * {@code POST /_selfheal/idle?timeoutMs=}, {@code GET /_selfheal/clock}, {@code POST /_selfheal/clock/advance?ms=}
 * (virtual clock only), {@code POST /_selfheal/reset}.
 */
public final class ControlHttpHandler implements HttpHandler {
    private static final String JSON = "application/json";

    private final ControlApi control;
    private final ServiceRegistry services;

    public ControlHttpHandler(ControlApi control, ServiceRegistry services) {
        this.control = control;
        this.services = services;
    }

    @Override
    public void handle(HttpRequest request, Consumer<HttpResponse> reply) {
        String path = request.path().substring("/_selfheal".length());
        String route = request.method() + " " + path;
        switch (route) {
            case "GET /health" -> reply.accept(ok(health()));
            case "GET /calls" -> reply.accept(ok(calls(request)));
            case "GET /retention" -> reply.accept(ok(retention()));
            case "POST /idle" -> {
                long timeoutMs = Long.parseLong(request.query().getOrDefault("timeoutMs", "10000"));
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
                control.advance(java.time.Duration.ofMillis(Long.parseLong(request.query().getOrDefault("ms", "0"))));
                reply.accept(ok(clock()));
            }
            case "POST /reset" -> {
                control.reset();
                reply.accept(ok(Json.object().put("reset", true)));
            }
            default -> reply.accept(HttpResponse.of(404, JSON,
                    Json.bytes(Json.object().put("message", "no control route " + route))));
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
                out.add(Json.MAPPER.valueToTree(call));
            }
        }
        return out;
    }

    private static HttpResponse ok(com.fasterxml.jackson.databind.JsonNode body) {
        return HttpResponse.of(200, JSON, Json.bytes(body));
    }
}
