package io.selfheal.harness.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.harness.expect.Count;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.expect.HttpEndpointExpectation;
import java.util.Map;

/**
 * {@code httpEndpoint}: requests a stack HTTP endpoint received — {@code requests(n)} (exactly; or
 * {@code atLeast}/{@code atMost}, default at least one), with a JSON body subset and headers:
 * {@code Outcomes.httpEndpoint("hook").requests(1).contains("{\"text\": \"alarm cpu-high\"}")}.
 */
public final class HttpEndpointOutcome extends CountedSpec<HttpEndpointOutcome> {
    private final String ref;
    private String contains;
    private Map<String, String> header = Map.of();
    private boolean counted;

    HttpEndpointOutcome(String ref) {
        this.ref = ref;
    }

    /** Exactly this many matching requests. */
    public HttpEndpointOutcome requests(int exactly) {
        return count(exactly).with(s -> s.counted = true);
    }

    @Override
    public HttpEndpointOutcome atLeast(int n) {
        return super.atLeast(n).with(s -> s.counted = true);
    }

    @Override
    public HttpEndpointOutcome atMost(int n) {
        return super.atMost(n).with(s -> s.counted = true);
    }

    /** Requests whose JSON body contains this JSON subset. */
    public HttpEndpointOutcome contains(String json) {
        return with(s -> s.contains = json);
    }

    /** Requests that carried this header. */
    public HttpEndpointOutcome header(String name, String value) {
        return with(s -> s.header = plus(s.header, name, value));
    }

    @Override
    public String key() {
        return "httpEndpoint";
    }

    @Override
    public Expectation build(Checks checks) {
        String endpoint = checks.stackKey("ref", "httpEndpoints", ref);
        if (!counted && contains == null && header.isEmpty()) {
            checks.problem("give requests (a count; or atLeast/atMost), contains (a JSON subset of a request body), "
                    + "header or several");
            return null;
        }
        Count count = counted ? count(checks, "requests") : new Count(1, null);
        JsonNode subset = JsonText.read(contains, checks.at("contains"));
        return endpoint == null ? null : new HttpEndpointExpectation(endpoint, count, subset, header);
    }
}
