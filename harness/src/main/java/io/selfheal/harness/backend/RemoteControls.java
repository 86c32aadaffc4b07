package io.selfheal.harness.backend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.control.ControlJson;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.authz.AuthorizationDecision;
import io.selfheal.emulator.core.authz.IamMode;
import io.selfheal.harness.backend.observe.Observation;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * The controls of a selfheal emulator in another process ({@code selfheal serve}), over its control API. What it
 * offers is what the server's capabilities document says, nothing guessed; faults act in the account and region the
 * harness's credentials act in.
 */
public final class RemoteControls implements EmulatorControls, Observation {
    private final ControlHttp http;
    private final Set<Capability> offered;
    private final boolean virtual;
    private final String account;
    private final String region;

    private RemoteControls(ControlHttp http, JsonNode document, String account, String region) {
        this.http = http;
        this.virtual = "virtual".equals(document.path("clock").asText());
        this.account = account;
        this.region = region;
        Set<String> names = new java.util.HashSet<>();
        document.path("capabilities").forEach(c -> {
            if (c.path("offered").asBoolean()) {
                names.add(c.path("name").asText());
            }
        });
        Set<Capability> offered = EnumSet.noneOf(Capability.class);
        for (Capability c : Capability.values()) {
            if (names.contains(c.offeredAs().key())) {
                offered.add(c);
            }
        }
        this.offered = Set.copyOf(offered);
    }

    /**
     * The controls at {@code endpoint} when a selfheal control API answers there; empty for AWS or
     * {@code serve --aws-only}.
     */
    public static Optional<RemoteControls> discover(URI endpoint, String account, String region) {
        ControlHttp http = new ControlHttp(endpoint);
        return http.capabilities().map(doc -> new RemoteControls(http, doc, account, region));
    }

    @Override
    public Set<Capability> capabilities() {
        return offered;
    }

    @Override
    public Observation observation() {
        return this;
    }

    @Override
    public String source() {
        return "the remote emulator's call log";
    }

    @Override
    public List<ApiCall> calls() {
        List<ApiCall> out = new ArrayList<>();
        http.get("/_selfheal/calls").forEach(c -> out.add(ControlJson.call(c)));
        return out;
    }

    @Override
    public List<FunctionInvocation> invocations(String functionName) {
        List<FunctionInvocation> out = new ArrayList<>();
        http.get("/_selfheal/lambda/invocations?function=" + encode(functionName))
                .forEach(i -> out.add(ControlJson.invocation(i)));
        return out;
    }

    @Override
    public List<EventRecord> events() {
        List<EventRecord> out = new ArrayList<>();
        http.get("/_selfheal/events").forEach(e -> out.add(ControlJson.event(e)));
        return out;
    }

    @Override
    public boolean virtualTime() {
        return virtual;
    }

    @Override
    public Instant now() {
        return Instant.parse(http.get("/_selfheal/clock").path("now").asText());
    }

    /** Step by step as the embedded clock does, checking {@code done} here between the server's timers. */
    @Override
    public boolean advanceUntil(BooleanSupplier done, Duration max) {
        if (!virtual) {
            throw new IllegalStateException("the remote emulator runs in real time: only a virtual clock advances");
        }
        String limit = encode(now().plus(max).toString());
        awaitIdle(Duration.ofSeconds(60));
        while (!done.getAsBoolean()) {
            if (!http.post("/_selfheal/clock/step?until=" + limit, null).path("stepped").asBoolean()) {
                return done.getAsBoolean();
            }
        }
        return true;
    }

    @Override
    public boolean awaitIdle(Duration timeout) {
        return http.post("/_selfheal/idle?timeoutMs=" + Math.min(timeout.toMillis(), 300_000), null).path("idle")
                .asBoolean();
    }

    @Override
    public Map<String, Long> droppedEntries() {
        Map<String, Long> dropped = new TreeMap<>();
        http.get("/_selfheal/retention").forEach(u -> dropped.merge(u.path("history").asText(),
                u.path("dropped").asLong(), Long::sum));
        return dropped;
    }

    @Override
    public List<AuthorizationDecision> decisions() {
        List<AuthorizationDecision> out = new ArrayList<>();
        for (JsonNode d : http.get("/_selfheal/iam/decisions")) {
            List<String> unevaluated = new ArrayList<>();
            d.path("unevaluatedConditions").forEach(c -> unevaluated.add(c.asText()));
            out.add(new AuthorizationDecision(Instant.parse(d.path("time").asText()), text(d, "requestId"),
                    text(d, "principal"), text(d, "action"), text(d, "resource"),
                    AuthorizationDecision.Outcome.valueOf(d.path("decision").asText()), text(d, "policyType"),
                    text(d, "matchedStatement"), unevaluated, text(d, "origin"), d.path("enforced").asBoolean()));
        }
        return out;
    }

    @Override
    public void iamMode(IamMode mode) {
        http.post("/_selfheal/iam/mode?mode=" + mode.wireName(), null);
    }

    @Override
    public void emitServiceEvent(String source, String detailType, List<String> resources, ObjectNode detail) {
        ObjectNode body = scoped().put("source", source).put("detailType", detailType);
        resources.forEach(body.putArray("resources")::add);
        body.set("detail", detail);
        http.post("/_selfheal/events/emit", body);
    }

    @Override
    public EventRecord redeliver(String eventId) {
        return ControlJson.event(http.post("/_selfheal/events/redeliver", ControlHttp.object().put("eventId", eventId)));
    }

    @Override
    public int rebootCount(String instanceId) {
        return http.get("/_selfheal/ec2/reboots?instanceId=" + encode(instanceId)).path("count").asInt();
    }

    @Override
    public void setCpuLoad(String instanceId, double percent, Duration duration) {
        ObjectNode body = ControlHttp.object().put("instanceId", instanceId).put("percent", percent);
        if (duration != null) {
            body.put("forSeconds", duration.toSeconds());
        }
        http.post("/_selfheal/ec2/cpu-load", body);
    }

    @Override
    public void stopResponding(String instanceId) {
        http.post("/_selfheal/ec2/stop-responding", ControlHttp.object().put("instanceId", instanceId));
    }

    @Override
    public void injectGuardDutyFinding(String instanceId, String type, Double severity, Duration every, int times) {
        ObjectNode body = scoped().put("instanceId", instanceId).put("type", type).put("times", times);
        if (severity != null) {
            body.put("severity", severity);
        }
        if (every != null) {
            body.put("everySeconds", every.toSeconds());
        }
        http.post("/_selfheal/guardduty/findings", body);
    }

    @Override
    public void injectFunctionFault(String functionName, String mode, int times, Duration forDuration) {
        ObjectNode body = scoped().put("function", functionName).put("mode", mode).put("times", times);
        if (forDuration != null) {
            body.put("forSeconds", forDuration.toSeconds());
        }
        http.post("/_selfheal/lambda/faults", body);
    }

    private ObjectNode scoped() {
        return ControlHttp.object().put("account", account).put("region", region);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
