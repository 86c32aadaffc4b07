package io.selfheal.harness.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.Suggestions;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Puts an event on a bus with EventBridge PutEvents, as a producer (or an AWS service) would: inline
 * {@code putEvent: {source: my.app, detailType: Order Failed, detail: {orderId: 7}}}, or a sample from the fixtures
 * module {@code putEvent: {fixture: guardduty-finding, overrides: {detail.resource.instanceDetails.instanceId:
 * "${instances.web.id}"}}} — overrides set values at dotted paths of the event (numbers index lists), and
 * {@code ${…}} references resolve when the fault is injected. {@code bus} defaults to the default bus. An
 * {@code aws.*} source (GuardDuty's findings, …) cannot be put — PutEvents refuses it with
 * NotAuthorizedForSourceException, as AWS does — so such an event is emitted as the service would, through the
 * cloud's side door, to the default bus.
 *
 * @param label what it is, for reports: the fixture's name, or its source and detail type
 * @param event the event as JSON (source, detail-type, detail, resources), references unresolved
 */
public record PutEventFault(String label, String event, String bus) implements Fault {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String describe() {
        return "put event " + label + (bus != null ? " on bus " + bus : "");
    }

    /** An {@code aws.*} event is emitted through the emulator's side door: AWS lets no one put those. */
    @Override
    public java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        try {
            return JSON.readTree(event).path("source").asText().startsWith("aws.")
                    ? java.util.Set.of(io.selfheal.harness.backend.Capability.SERVICE_EVENTS) : java.util.Set.of();
        } catch (JsonProcessingException unresolvedReferences) {
            return java.util.Set.of();
        }
    }

    @Override
    public void inject(FaultContext run) {
        JsonNode e;
        try {
            e = JSON.readTree(run.state().resolve(event));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("the event is not JSON after resolving references: " + ex.getMessage());
        }
        List<String> resources = new ArrayList<>();
        e.path("resources").forEach(r -> resources.add(r.asText()));
        String source = e.path("source").asText();
        if (source.startsWith("aws.")) {
            if (bus != null && !"default".equals(bus)) {
                throw new IllegalStateException("AWS services emit " + source + " events to the default bus only, "
                        + "not to " + bus);
            }
            ObjectNode detail = e.path("detail").isObject() ? (ObjectNode) e.path("detail")
                    : JsonNodeFactory.instance.objectNode();
            run.cloud().control(io.selfheal.harness.backend.Capability.SERVICE_EVENTS).emitServiceEvent(source, e.path("detail-type").asText(), resources, detail);
            return;
        }
        PutEventsResponse response = run.clients().events().putEvents(r -> r.entries(entry -> entry
                .source(e.path("source").asText()).detailType(e.path("detail-type").asText())
                .detail(e.path("detail").toString()).resources(resources).eventBusName(bus)));
        PutEventsResultEntry result = response.entries().get(0);
        if (result.errorCode() != null) {
            throw new IllegalStateException("PutEvents refused " + label + ": " + result.errorCode() + ": "
                    + result.errorMessage());
        }
    }

    /**
     * A fixture's event (from the fixtures module, by name) for the Java DSL, as {@code putEvent: {fixture,
     * overrides}} reads it.
     *
     * @param overrides values at dotted paths of the event (numbers index lists); values may reference the stack
     * @return the fault, or null after telling {@code problem} why not
     */
    public static PutEventFault fromFixture(String fixture, Map<String, JsonNode> overrides, String bus,
                                            java.util.function.Consumer<String> problem) {
        ObjectNode event = fixture(fixture, problem);
        if (event == null) {
            return null;
        }
        boolean ok = true;
        for (Map.Entry<String, JsonNode> o : overrides.entrySet()) {
            String wrong = override(event, o.getKey(), o.getValue());
            if (wrong != null) {
                problem.accept(wrong);
                ok = false;
            }
        }
        return ok ? new PutEventFault(fixture, event.toString(), bus) : null;
    }

    private static ObjectNode fixture(String name, java.util.function.Consumer<String> problem) {
        JsonNode json = EventFixtures.load(name);
        if (json == null) {
            List<String> known = EventFixtures.names();
            String suggestion = Suggestions.closest(name, known);
            problem.accept("no event fixture '" + name + "'"
                    + (suggestion != null ? " (did you mean '" + suggestion + "'?)" : "")
                    + (known.isEmpty() ? "" : "; known: " + String.join(", ", known)));
            return null;
        }
        return (ObjectNode) json;
    }

    /** Sets {@code path} (dotted; numbers index lists) to {@code value}; its parent must exist. @return a problem */
    private static String override(ObjectNode event, String path, JsonNode value) {
        String[] steps = path.split("\\.");
        JsonNode parent = event;
        for (int i = 0; i < steps.length - 1 && parent != null; i++) {
            parent = parent.isArray() ? parent.get(index(steps[i])) : parent.get(steps[i]);
        }
        String last = steps[steps.length - 1];
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array && index(last) >= 0 && index(last) <= array.size()) {
            if (index(last) == array.size()) {
                array.add(value);
            } else {
                array.set(index(last), value);
            }
        } else {
            return "no place for '" + path + "' in the event: its parent path does not exist "
                    + "(top-level keys: " + String.join(", ", fieldNames(event)) + ")";
        }
        return null;
    }

    private static int index(String step) {
        return step.matches("\\d{1,6}") ? Integer.parseInt(step) : -1;
    }

    private static List<String> fieldNames(ObjectNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Registered as {@code putEvent}. */
    /** Why a detail that is not a JSON object is refused (EventBridge's Detail is a JSON object). */
    public static final String DETAIL_NOT_A_MAPPING = "an event's detail is a mapping (a JSON object)";

    public static final class Type implements FaultType {
        @Override
        public String key() {
            return "putEvent";
        }

        @Override
        public Fault read(YMap spec, ReadContext context) {
            spec.allow("fixture", "source", "detailType", "detail", "resources", "overrides", "bus");
            ObjectNode event;
            String label;
            if (spec.has("fixture")) {
                for (String inline : new String[] {"source", "detailType", "detail", "resources"}) {
                    if (spec.has(inline)) {
                        spec.get(inline).problem("give either a fixture or an inline event, not both "
                                + "(change a fixture's values with overrides)");
                    }
                }
                label = spec.string("fixture");
                event = fixture(spec.get("fixture"));
            } else {
                String source = spec.requiredString("source");
                String detailType = spec.requiredString("detailType");
                event = JsonNodeFactory.instance.objectNode().put("source", source).put("detail-type", detailType);
                event.set("detail", spec.has("detail") ? spec.get("detail").toJson()
                        : JsonNodeFactory.instance.objectNode());
                if (spec.has("detail") && !event.get("detail").isObject()) {
                    spec.get("detail").problem(DETAIL_NOT_A_MAPPING);
                }
                ArrayNode resources = event.putArray("resources");
                spec.strings("resources").forEach(resources::add);
                label = source + " \"" + detailType + "\"";
            }
            if (event == null) {
                return null;
            }
            if (spec.has("overrides")) {
                YMap overrides = spec.get("overrides").map();
                overrides.entries().forEach((path, value) -> override(event, path, value));
            }
            return new PutEventFault(label, event.toString(), spec.string("bus"));
        }

        private static ObjectNode fixture(YNode name) {
            return name.text() == null ? null : PutEventFault.fixture(name.text(), name::problem);
        }

        /** Sets {@code path} (dotted; numbers index lists) to the YAML value; its parent must exist. */
        private static void override(ObjectNode event, String path, YNode value) {
            String problem = PutEventFault.override(event, path, value.toJson());
            if (problem != null) {
                value.problem(problem);
            }
        }

        @Override
        public String schema() {
            return """
                {"description": "Puts an event on a bus with PutEvents: inline (source, detailType, detail, resources) or a fixture from the fixtures module, changed with overrides. aws.* events are emitted as the AWS service would, to the default bus.", "type": "object", "additionalProperties": false, "if": {"required": ["fixture"]}, "then": {"not": {"anyOf": [{"required": ["source"]}, {"required": ["detailType"]}, {"required": ["detail"]}, {"required": ["resources"]}]}}, "else": {"required": ["source", "detailType"]}, "properties": {
                  "fixture": {"description": "The name of an event sample of the fixtures module (events/<name>.json), e.g. guardduty-finding.", "type": "string"},
                  "source": {"description": "The event's source, e.g. my.app.", "type": "string"},
                  "detailType": {"description": "The event's detail-type.", "type": "string"},
                  "detail": {"description": "The event's detail, a mapping (default {}).", "type": "object"},
                  "resources": {"description": "The event's resources (ARNs).", "type": "array", "items": {"$ref": "#/$defs/text"}},
                  "overrides": {"description": "Values set at dotted paths of the event (numbers index lists; the parent must exist), e.g. detail.severity: 5.", "type": "object"},
                  "bus": {"description": "The event bus name (default: the default bus).", "type": "string"}
                }}
                """;
        }
    }
}
