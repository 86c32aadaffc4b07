package io.selfheal.harness.expect;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.harness.stack.HttpEndpoints;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a stack HTTP endpoint received, from its WireMock request journal: {@code httpEndpoint: {ref: hook,
 * requests: 1}} (or {@code atLeast}/{@code atMost}), counting only the requests whose JSON body contains
 * {@code contains} (a subset, as in {@code queue}) and that carry every {@code header} given (names case-insensitive,
 * values exact). With {@code contains} or {@code header} but no count, at least one such request.
 */
public record HttpEndpointExpectation(String endpoint, Count count, JsonNode contains, Map<String, String> header)
        implements Expectation {
    /** How many received requests a failing verdict lists, and how much of each body. */
    private static final int SHOWN = 5;
    private static final int BODY_CHARS = 200;

    @Override
    public String describe() {
        return "httpEndpoint " + endpoint + " received " + count.describe() + " request" + (count.isOne() ? "" : "s")
                + (contains != null ? " containing " + contains : "")
                + (header.isEmpty() ? "" : " with header " + header);
    }

    @Override
    public Verdict check(ProbeContext run) {
        HttpEndpoints endpoints = run.attachment(HttpEndpoints.class);
        List<HttpEndpoints.Request> received = endpoints == null ? List.of() : endpoints.requests(endpoint);
        long matching = received.stream().filter(this::matches).count();
        boolean holds = count.matches(matching);
        StringBuilder observed = new StringBuilder().append(received.size()).append(" request")
                .append(received.size() == 1 ? "" : "s");
        if (contains != null || !header.isEmpty()) {
            observed.append(", ").append(matching).append(" matching");
        }
        if (!holds && !received.isEmpty()) {
            observed.append(':');
            received.stream().limit(SHOWN).forEach(r -> observed.append("\n      ").append(r.describe(BODY_CHARS))
                    .append(headerSummary(r)));
            if (received.size() > SHOWN) {
                observed.append("\n      … ").append(received.size() - SHOWN).append(" more");
            }
        }
        return Verdict.of(holds, observed.toString());
    }

    private boolean matches(HttpEndpoints.Request r) {
        if (contains != null && (r.body() == null || !JsonSubset.bodyContains(r.body(), contains))) {
            return false;
        }
        return header.entrySet().stream().allMatch(h ->
                h.getValue().equals(r.headers().get(h.getKey().toLowerCase(Locale.ROOT))));
    }

    /** The asked-for headers as received, so a wrong or missing one shows. */
    private String headerSummary(HttpEndpoints.Request r) {
        if (header.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(" [");
        header.keySet().forEach(name -> out.append(out.length() > 2 ? ", " : "").append(name).append(": ")
                .append(r.headers().getOrDefault(name.toLowerCase(Locale.ROOT), "(none)")));
        return out.append(']').toString();
    }

    /** Registered as {@code httpEndpoint}. */
    public static final class Type implements ExpectationType {
        @Override
        public String key() {
            return "httpEndpoint";
        }

        @Override
        public Expectation read(YMap spec, ReadContext context) {
            spec.allow("ref", "requests", "atLeast", "atMost", "contains", "header");
            String endpoint = context.stackKey("httpEndpoints", spec.require("ref"));
            boolean counted = spec.has("requests") || spec.has("atLeast") || spec.has("atMost");
            if (!counted && !spec.has("contains") && !spec.has("header")) {
                spec.node().problem("give requests (a count; or atLeast/atMost), contains (a JSON subset of a "
                        + "request body), header or several");
                return null;
            }
            Count count = counted ? Count.read(spec, false, "requests") : new Count(1, null);
            JsonNode contains = spec.has("contains") ? spec.get("contains").toJson() : null;
            Map<String, String> header = spec.stringMap("header");
            return endpoint == null ? null : new HttpEndpointExpectation(endpoint, count, contains, header);
        }

        @Override
        public String schema() {
            return """
                {"description": "Requests a stack httpEndpoint received (WireMock's request journal), counting only those that match contains and header; with no count, at least one.", "type": "object", "additionalProperties": false, "required": ["ref"], "not": {"anyOf": [{"required": ["requests", "atLeast"]}, {"required": ["requests", "atMost"]}]}, "properties": {
                  "ref": {"description": "The key of the httpEndpoints entry.", "$ref": "#/$defs/stackKey"},
                  "requests": {"description": "Exactly this many matching requests.", "type": "integer", "minimum": 0},
                  "atLeast": {"$ref": "#/$defs/atLeast"},
                  "atMost": {"$ref": "#/$defs/atMost"},
                  "contains": {"description": "A JSON subset the request body must contain."},
                  "header": {"description": "Headers the request must carry, name (case-insensitive) to exact value.", "$ref": "#/$defs/textMap"}
                }}
                """;
        }
    }
}
