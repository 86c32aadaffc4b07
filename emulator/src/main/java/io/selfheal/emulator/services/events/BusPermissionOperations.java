package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.policy.MalformedPolicyDocumentException;
import io.selfheal.emulator.core.policy.PolicyDocument;
import io.selfheal.emulator.service.Params;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * PutPermission and RemovePermission: an event bus's resource policy, which lets other accounts (or organizations)
 * put events on it (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutPermission.html,
 * …/API_RemovePermission.html). PutPermission takes either a whole {@code Policy} document or one statement in the
 * older form ({@code Action}, {@code Principal}, {@code StatementId}, {@code Condition}), which is added to the
 * policy as EventBridge writes it. The policy is at most 10,240 characters ("Amazon EventBridge quotas", Event bus
 * policy size).
 */
final class BusPermissionOperations {
    static final int MAX_POLICY = 10_240;
    private static final Pattern PRINCIPAL = Pattern.compile("(\\d{12}|\\*)");
    private static final Pattern STATEMENT_ID = Pattern.compile("[a-zA-Z0-9-_]+");
    private static final Pattern ACTION = Pattern.compile("events:[a-zA-Z]+");

    private final RegionalStore<EventsState> states;
    private final EmulatorClock clock;

    BusPermissionOperations(RegionalStore<EventsState> states, EmulatorClock clock) {
        this.states = states;
        this.clock = clock;
    }

    JsonNode putPermission(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        EventBus bus = bus(ctx, params);
        String policy = params.has("Policy") ? wholePolicy(params.string("Policy")) : null;
        ObjectNode statement = policy == null ? statement(params, bus.arn()) : null;
        synchronized (bus) {
            String document = policy != null ? policy : withStatement(bus, statement);
            if (document.length() > MAX_POLICY) {
                throw AwsException.badRequest("PolicyLengthExceededException", "The event bus policy is too long: "
                        + document.length() + " characters, more than the " + MAX_POLICY + " allowed.");
            }
            bus.policy(document, clock.now());
        }
        return null;
    }

    JsonNode removePermission(RequestContext ctx, ObjectNode input) {
        Params params = new Params(input, EventsErrors.PARAMS);
        EventBus bus = bus(ctx, params);
        boolean all = params.bool("RemoveAllPermissions", false);
        String sid = params.string("StatementId");
        if (!all && sid == null) {
            throw EventsErrors.validation("StatementId is required unless RemoveAllPermissions is true.");
        }
        synchronized (bus) {
            if (bus.policy() == null) {
                if (all) {
                    return null;
                }
                throw EventsErrors.notFound("EventBus does not have a policy.");
            }
            bus.policy(all ? null : without(bus.policy(), sid), clock.now());
        }
        return null;
    }

    private EventBus bus(RequestContext ctx, Params params) {
        String name = params.string("EventBusName");
        EventsErrors.checkMaxLength("EventBusName", name, 256);
        return states.get(ctx).bus(ctx.accountId(), ctx.region(), name);
    }

    /** A whole policy: IAM's grammar, as the policy engine will read it. */
    private static String wholePolicy(String text) {
        try {
            PolicyDocument.parse(text);
        } catch (MalformedPolicyDocumentException e) {
            throw EventsErrors.validation("Invalid policy document: " + e.getMessage());
        }
        return text;
    }

    /**
     * The older form's statement, as EventBridge writes it: the account's root (or {@code *}) may perform the action
     * on this bus, under the optional condition ({@code StringEquals aws:PrincipalOrgID o-…} for an organization).
     */
    private static ObjectNode statement(Params params, String busArn) {
        String action = EventsErrors.checkPattern("Action", params.required("Action"), ACTION, "events:[a-zA-Z]+");
        EventsErrors.checkMaxLength("Action", action, 64);
        String principal = EventsErrors.checkPattern("Principal", params.required("Principal"), PRINCIPAL,
                "(\\d{12}|\\*)");
        String sid = EventsErrors.checkPattern("StatementId", params.required("StatementId"), STATEMENT_ID,
                "[a-zA-Z0-9-_]+");
        EventsErrors.checkMaxLength("StatementId", sid, 64);
        if (!action.equals("events:PutEvents")) {
            throw EventsErrors.validation("Provided value in parameter 'action' is not supported.");
        }
        ObjectNode statement = Json.object().put("Sid", sid).put("Effect", "Allow");
        if (principal.equals("*")) {
            statement.put("Principal", "*");
        } else {
            statement.putObject("Principal").put("AWS", "arn:aws:iam::" + principal + ":root");
        }
        statement.put("Action", action).put("Resource", busArn);
        JsonNode condition = params.node("Condition");
        if (condition != null && !condition.isNull()) {
            Params c = new Params((ObjectNode) condition, EventsErrors.PARAMS);
            statement.putObject("Condition").putObject(c.required("Type")).put(c.required("Key"), c.required("Value"));
        }
        return statement;
    }

    /** The bus's policy with {@code statement} added, replacing one with the same Sid. */
    private static String withStatement(EventBus bus, ObjectNode statement) {
        ObjectNode policy = parsed(bus.policy());
        ArrayNode statements = statements(policy);
        for (int i = 0; i < statements.size(); i++) {
            if (statement.path("Sid").asText().equals(statements.get(i).path("Sid").asText(null))) {
                statements.remove(i);
                break;
            }
        }
        statements.add(statement);
        return policy.toString();
    }

    /** The policy without the statement {@code sid}; null when it was the last. */
    private static String without(String document, String sid) {
        ObjectNode policy = parsed(document);
        ArrayNode statements = statements(policy);
        for (int i = 0; i < statements.size(); i++) {
            if (sid.equals(statements.get(i).path("Sid").asText(null))) {
                statements.remove(i);
                return statements.isEmpty() ? null : policy.toString();
            }
        }
        throw EventsErrors.notFound("Statement with the provided id does not exist.");
    }

    private static ObjectNode parsed(String document) {
        if (document == null) {
            return Json.object().put("Version", "2012-10-17");
        }
        try {
            return (ObjectNode) Json.parse(document);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("stored bus policy is not a JSON object", e);
        }
    }

    /** The policy's Statement as an array (a single statement object becomes an array of one). */
    private static ArrayNode statements(ObjectNode policy) {
        JsonNode statement = policy.get("Statement");
        if (statement instanceof ArrayNode array) {
            return array;
        }
        ArrayNode array = policy.putArray("Statement");
        if (statement != null && statement.isObject()) {
            array.add(statement);
        }
        return array;
    }
}
