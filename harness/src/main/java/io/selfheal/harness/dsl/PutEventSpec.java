package io.selfheal.harness.dsl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.harness.steps.Fault;
import io.selfheal.harness.steps.PutEventFault;
import java.util.List;

/**
 * {@code putEvent} of an inline event, made by {@link Faults#putEvent}: {@code detail("{\"orderId\": 7}")} (JSON
 * text; values may reference the stack), {@code resources(…)}, {@code bus("orders")}. An {@code aws.*} source is
 * emitted as the service would, to the default bus.
 */
public final class PutEventSpec extends Spec<PutEventSpec> implements FaultSpec {
    private final String source;
    private final String detailType;
    private String detail;
    private List<String> resources = List.of();
    private String bus;

    PutEventSpec(String source, String detailType) {
        this.source = source;
        this.detailType = detailType;
    }

    /** The detail, a JSON object as text. */
    public PutEventSpec detail(String json) {
        return with(s -> s.detail = json);
    }

    public PutEventSpec resources(String... arns) {
        return with(s -> s.resources = List.of(arns));
    }

    /** The bus's name; default the default bus. */
    public PutEventSpec bus(String bus) {
        return with(s -> s.bus = bus);
    }

    @Override
    public String key() {
        return "putEvent";
    }

    @Override
    public Fault build(Checks checks) {
        checks.required("source", source);
        checks.required("detailType", detailType);
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("source", source).put("detail-type", detailType);
        JsonNode json = detail == null ? JsonNodeFactory.instance.objectNode()
                : JsonText.read(detail, checks.at("detail"));
        if (json != null && !json.isObject()) {
            checks.at("detail").problem(PutEventFault.DETAIL_NOT_A_MAPPING);
        }
        event.set("detail", json);
        ArrayNode array = event.putArray("resources");
        resources.forEach(array::add);
        checks.references(event.toString());
        return new PutEventFault(source + " \"" + detailType + "\"", event.toString(), bus);
    }
}
