package io.selfheal.emulator.core.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed, validated IAM policy document ("IAM JSON policy element reference", "Grammar of the IAM JSON policy
 * language": https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html). Immutable; parse once
 * where the policy is stored, evaluate many times.
 */
public final class PolicyDocument {
    static final String VERSION_2012 = "2012-10-17";
    private static final Set<String> TOP = Set.of("Version", "Id", "Statement");
    private static final Set<String> ELEMENTS = Set.of("Sid", "Effect", "Principal", "NotPrincipal", "Action",
            "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");
    private static final String SYNTAX = "Syntax errors in policy.";

    private final String text;
    private final String version;
    private final String id;
    private final List<Statement> statements;

    private PolicyDocument(String text, String version, String id, List<Statement> statements) {
        this.text = text;
        this.version = version;
        this.id = id;
        this.statements = List.copyOf(statements);
    }

    /** The grammar only: what a service stores as a resource policy before it knows more. */
    public static PolicyDocument parse(String json) {
        return parse(json, PolicyKind.ANY);
    }

    /** @throws MalformedPolicyDocumentException with AWS's message when IAM would refuse the document */
    public static PolicyDocument parse(String json, PolicyKind kind) {
        JsonNode root;
        try {
            root = json == null ? null : Json.parse(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPolicyDocumentException(SYNTAX);
        }
        if (root == null || !root.isObject() || !root.has("Statement")) {
            throw new MalformedPolicyDocumentException(SYNTAX);
        }
        root.fieldNames().forEachRemaining(f -> require(TOP.contains(f)));
        String version = null;
        if (root.has("Version")) {
            require(root.get("Version").isTextual());
            version = root.get("Version").asText();
            if (!version.equals(VERSION_2012) && !version.equals("2008-10-17")) {
                throw new MalformedPolicyDocumentException("Policy document must be version 2012-10-17 or greater.");
            }
        }
        String id = root.has("Id") ? text(root.get("Id")) : null;
        JsonNode list = root.get("Statement");
        List<Statement> statements = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(s -> statements.add(statement(s, kind)));
        } else {
            statements.add(statement(list, kind));
        }
        Set<String> sids = new HashSet<>();
        for (Statement s : statements) {
            if (s.sid() != null && !s.sid().isEmpty() && !sids.add(s.sid())) {
                throw new MalformedPolicyDocumentException("Statement IDs (SID) in a single policy must be unique.");
            }
        }
        return new PolicyDocument(json, version, id, statements);
    }

    private static Statement statement(JsonNode node, PolicyKind kind) {
        require(node.isObject());
        node.fieldNames().forEachRemaining(f -> require(ELEMENTS.contains(f)));
        require(node.has("Effect") && node.get("Effect").isTextual());
        String effect = node.get("Effect").asText();
        require(effect.equals("Allow") || effect.equals("Deny"));
        require(!(node.has("Action") && node.has("NotAction")));
        require(!(node.has("Resource") && node.has("NotResource")));
        require(!(node.has("Principal") && node.has("NotPrincipal")));
        boolean hasPrincipal = node.has("Principal") || node.has("NotPrincipal");
        boolean hasResource = node.has("Resource") || node.has("NotResource");
        if (kind == PolicyKind.IDENTITY && hasPrincipal) {
            throw new MalformedPolicyDocumentException("Policy document should not specify a principal.");
        }
        if (kind == PolicyKind.TRUST && hasResource) {
            throw new MalformedPolicyDocumentException("Has prohibited field Resource.");
        }
        if (!node.has("Action") && !node.has("NotAction")) {
            throw new MalformedPolicyDocumentException("Policy statement must contain actions.");
        }
        if (kind == PolicyKind.IDENTITY && !hasResource) {
            throw new MalformedPolicyDocumentException("Policy statement must contain resources.");
        }
        if ((kind == PolicyKind.TRUST || kind == PolicyKind.RESOURCE) && !hasPrincipal) {
            throw new MalformedPolicyDocumentException("Missing required field Principal.");
        }
        List<String> actions = strings(node.get("Action"));
        List<String> notActions = strings(node.get("NotAction"));
        for (String action : actions == null ? notActions : actions) {
            if (!action.equals("*") && action.indexOf(':') <= 0) {
                throw new MalformedPolicyDocumentException(
                        "Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.");
            }
        }
        return new Statement(node.has("Sid") ? text(node.get("Sid")) : null, effect.equals("Allow"),
                principal(node.get("Principal")), principal(node.get("NotPrincipal")), actions, notActions,
                strings(node.get("Resource")), strings(node.get("NotResource")), conditions(node.get("Condition")));
    }

    private static Map<String, List<String>> principal(JsonNode node) {
        if (node == null) {
            return null;
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node.isTextual()) {
            require(node.asText().equals("*"));
            out.put("*", List.of("*"));
            return out;
        }
        require(node.isObject());
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            require(PRINCIPAL_TYPES.contains(e.getKey()));
            out.put(e.getKey(), strings(e.getValue()));
        }
        return out;
    }

    private static List<Statement.Condition> conditions(JsonNode node) {
        List<Statement.Condition> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        require(node.isObject());
        for (Iterator<Map.Entry<String, JsonNode>> ops = node.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            require(op.getValue().isObject());
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                out.add(new Statement.Condition(op.getKey(), key.getKey(), strings(key.getValue())));
            }
        }
        return out;
    }

    /** A string, or an array of scalars (conditions also take numbers and booleans); null when absent. */
    private static List<String> strings(JsonNode node) {
        if (node == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> out.add(text(v)));
        } else {
            out.add(text(node));
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode node) {
        require(node.isValueNode() && !node.isNull());
        return node.asText();
    }

    private static void require(boolean ok) {
        if (!ok) {
            throw new MalformedPolicyDocumentException(SYNTAX);
        }
    }

    /** The document as given (what Get…Policy operations return). */
    public String text() {
        return text;
    }

    /** The Version element, or null when absent (IAM then reads it as 2008-10-17: no policy variables). */
    public String version() {
        return version;
    }

    public String id() {
        return id;
    }

    public List<Statement> statements() {
        return statements;
    }

    /** Policy variables are only substituted in 2012-10-17 documents ("IAM policy elements: Version"). */
    boolean substitutesVariables() {
        return VERSION_2012.equals(version);
    }
}
