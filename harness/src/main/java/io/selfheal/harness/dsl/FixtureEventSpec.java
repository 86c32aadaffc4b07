package io.selfheal.harness.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.selfheal.harness.steps.Fault;
import io.selfheal.harness.steps.PutEventFault;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code putEvent} of a sample from the fixtures module, made by {@link Faults#putFixture}:
 * {@code Faults.putFixture("guardduty-finding").override("detail.resource.instanceDetails.instanceId",
 * Refs.instance("web").id())} — overrides set values at dotted paths (numbers index lists).
 */
public final class FixtureEventSpec extends Spec<FixtureEventSpec> implements FaultSpec {
    private final String fixture;
    private Map<String, JsonNode> overrides = Map.of();
    private String bus;

    FixtureEventSpec(String fixture) {
        this.fixture = fixture;
    }

    /** Sets a text value (which may reference the stack) at a dotted path of the event. */
    public FixtureEventSpec override(String path, String value) {
        return override(path, JsonNodeFactory.instance.textNode(value));
    }

    /** Sets a JSON value at a dotted path of the event. */
    public FixtureEventSpec override(String path, JsonNode value) {
        return with(s -> {
            Map<String, JsonNode> next = new LinkedHashMap<>(s.overrides);
            next.put(path, value);
            s.overrides = java.util.Collections.unmodifiableMap(next);
        });
    }

    /** The bus's name; default the default bus. */
    public FixtureEventSpec bus(String bus) {
        return with(s -> s.bus = bus);
    }

    @Override
    public String key() {
        return "putEvent";
    }

    @Override
    public Fault build(Checks checks) {
        overrides.forEach((path, value) -> checks.at("overrides").at(path).references(value.toString()));
        return checks.required("fixture", fixture) == null ? null
                : PutEventFault.fromFixture(fixture, overrides, bus, checks.at("fixture")::problem);
    }
}
