package io.selfheal.harness.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.harness.yaml.YMap;
import io.selfheal.harness.yaml.YNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code stack.roles}: IAM roles made with CreateRole, their inline policies (PutRolePolicy; files the team's IaC
 * shares) and managed policies (AttachRolePolicy). Functions name one as their execution role ({@code role: <key>}).
 */
public final class RoleKind extends AbstractStackKind<RoleKind.Role> {
    public static final String KEY = "roles";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The trust policy of a Lambda execution role (https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html). */
    public static final String LAMBDA_TRUST = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},\
            "Action":"sts:AssumeRole"}]}""";

    /**
     * An IAM role.
     *
     * @param trustPolicy     the assume-role policy document (JSON text)
     * @param policies        inline policies by name (JSON text)
     * @param managedPolicies ARNs of managed policies to attach
     */
    public record Role(String key, String name, String trustPolicy, Map<String, String> policies,
                       List<String> managedPolicies) {
    }

    public RoleKind() {
        super(KEY, Role.class, List.of("name", "arn"), Set.of());
    }

    @Override
    public Role read(String key, YMap m, StackReading reading) {
        m.allow("name", "trustPolicy", "policies", "managedPolicies");
        JsonNode trust = m.has("trustPolicy") ? reading.json(m.get("trustPolicy")) : null;
        Map<String, String> policies = new LinkedHashMap<>();
        if (m.has("policies")) {
            YNode node = m.get("policies");
            if (!node.isMapping()) {
                node.problem("policies must map policy names to documents (inline, JSON text or a .json file)");
            } else {
                node.map().entries().forEach((name, doc) -> {
                    JsonNode policy = identityPolicy(doc, reading);
                    if (policy != null) {
                        policies.put(name, policy.toString());
                    }
                });
            }
        }
        List<String> managed = m.has("managedPolicies") ? m.strings("managedPolicies") : List.of();
        return new Role(key, StackReading.orElse(m.string("name"), key),
                trust == null ? LAMBDA_TRUST : trust.toString(), policies, managed == null ? List.of() : managed);
    }

    /** A policy document read from YAML, JSON text or a file and checked as IAM checks an identity policy; else null. */
    static JsonNode identityPolicy(YNode node, StackReading reading) {
        JsonNode policy = reading.json(node);
        if (policy == null) {
            return null;
        }
        String problem = PolicyShape.problem(policy);
        if (problem != null) {
            node.problem(problem);
            return null;
        }
        return policy;
    }

    @Override
    public void provision(Map<String, Role> roles, Provisioning p) {
        for (Role role : roles.values()) {
            Map<String, String> policies = new LinkedHashMap<>();
            role.policies().forEach((name, doc) -> policies.put(name, p.state().resolve(doc)));
            String name = p.name(role.name(), io.selfheal.harness.runid.NameLimits.IAM_ROLE);
            String arn = create(name, p.state().resolve(role.trustPolicy()), policies,
                    role.managedPolicies().stream().map(p.state()::resolve).toList(), p);
            p.put(this, role.key(), "name", name);
            p.put(this, role.key(), "arn", arn);
            p.put(this, role.key(), POLICIES, policiesJson(policies));
        }
    }

    /** CreateRole, then PutRolePolicy per inline policy and AttachRolePolicy per managed one; the role's ARN. */
    static String create(String name, String trust, Map<String, String> inline, List<String> managed,
                         Provisioning p) {
        var iam = p.clients().iam();
        String arn = iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust)).role().arn();
        inline.forEach((policy, doc) -> iam.putRolePolicy(r -> r.roleName(name).policyName(policy).policyDocument(doc)));
        managed.forEach(policyArn -> iam.attachRolePolicy(r -> r.roleName(name).policyArn(policyArn)));
        return arn;
    }

    /** The state attribute holding a role's inline policies, {@code [{"name", "document"}]}, for the reports. */
    public static final String POLICIES = "policies";

    static String policiesJson(Map<String, String> policies) {
        var array = JSON.createArrayNode();
        policies.forEach((name, doc) -> {
            try {
                array.addObject().put("name", name).set("document", JSON.readTree(doc));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("policy " + name + " was checked when read", e);
            }
        });
        return array.toString();
    }

    /** The JSON Schema of this kind: its section's description, one entry's schema, and defs it refers to. */
    @Override
    public String schema() {
        return """
            {"description": "IAM roles (CreateRole, PutRolePolicy, AttachRolePolicy), by key; functions name one as their execution role.", "entry": {"description": "An IAM role. References: ${roles.<key>.name}, ${roles.<key>.arn}.", "type": "object", "additionalProperties": false, "properties": {
              "name": {"description": "The role name (default: the entry's key).", "type": "string"},
              "trustPolicy": {"description": "The trust (assume-role) policy: inline, JSON text, a .json file or classpath: (default: trusts lambda.amazonaws.com).", "anyOf": [{"type": "string"}, {"type": "object"}]},
              "policies": {"description": "Inline policies, policy name to document (inline, JSON text, a .json file or classpath:).", "type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, {"type": "object", "required": ["Version", "Statement"]}]}},
              "managedPolicies": {"description": "ARNs of managed policies to attach, e.g. arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole.", "type": "array", "items": {"type": "string"}}
            }}
            }
            """;
    }
}
