package io.selfheal.emulator.services.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.policy.AuthorizationRequest;
import io.selfheal.emulator.core.policy.Decision;
import io.selfheal.emulator.core.policy.NamedPolicy;
import io.selfheal.emulator.core.policy.PolicyEvaluator;
import io.selfheal.emulator.core.policy.PolicySet;
import io.selfheal.emulator.core.policy.Principal;
import io.selfheal.emulator.messages.PrincipalPolicies;
import io.selfheal.emulator.messages.RoleLookup;
import io.selfheal.emulator.protocol.TimestampNode;
import io.selfheal.emulator.service.Params;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * AssumeRole (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html): the role's trust policy and,
 * unless it names the caller itself, the caller's identity policies must allow {@code sts:AssumeRole}, as the policy
 * engine decides for any resource policy ("Cross-account policy evaluation logic"). The account root may not assume
 * roles. The session's keys are registered, so calls signed with them are the session's.
 */
final class AssumeRoleOperation {
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
    /** "Role chaining limits your … session to a maximum of one hour." */
    private static final int CHAINED_MAX = 3600;
    private static final int MAX_TAGS = 50;

    private final EmulatorContext context;

    AssumeRoleOperation(EmulatorContext context) {
        this.context = context;
    }

    JsonNode assumeRole(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String roleArn = p.required("RoleArn");
        if (roleArn.length() < 20 || roleArn.length() > 2048) {
            throw Params.QUERY.invalid("RoleArn", roleArn, roleArn.length() < 20
                    ? "Member must have length greater than or equal to 20"
                    : "Member must have length less than or equal to 2048");
        }
        String sessionName = p.required("RoleSessionName");
        if (sessionName.length() < 2 || sessionName.length() > 64) {
            throw Params.QUERY.invalid("RoleSessionName", sessionName, sessionName.length() < 2
                    ? "Member must have length greater than or equal to 2"
                    : "Member must have length less than or equal to 64");
        }
        if (!SESSION_NAME.matcher(sessionName).matches()) {
            throw Params.QUERY.invalid("RoleSessionName", sessionName,
                    "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        int duration = p.integer("DurationSeconds", 3600);
        if (duration < 900 || duration > 43200) {
            throw Params.QUERY.invalid("DurationSeconds", String.valueOf(duration), duration < 900
                    ? "Member must have value greater than or equal to 900"
                    : "Member must have value less than or equal to 43200");
        }
        CallerIdentity caller = ctx.caller();
        if ("Root".equals(caller.type())) {
            throw accessDenied("Roles may not be assumed by root accounts.");
        }
        Map<String, String> tags = sessionTags(p);
        List<String> transitive = transitiveTagKeys(p);
        RoleLookup.Result role = context.bus().ask(new RoleLookup(roleArn));
        requireAllowed(caller, role, roleArn, sessionName, "sts:AssumeRole", Map.of());
        if (!tags.isEmpty()) {
            // Passing session tags is its own action the trust policy must allow, with the tags as
            // aws:RequestTag/<key> and their keys as the multivalued aws:TagKeys, so a trust policy can constrain them
            // (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html#id_session-tags_permissions-required,
            // "Example: Allow only specific session tags", and reference_policies_condition-keys.html#condition-keys-tagkeys).
            requireAllowed(caller, role, roleArn, sessionName, "sts:TagSession", tagKeys(tags, transitive));
        }
        if (caller.isAssumedRole() && duration > CHAINED_MAX) {
            throw AwsException.badRequest("ValidationError", "The requested DurationSeconds exceeds the 1 hour "
                    + "session limit for roles assumed by role chaining.");
        }
        if (duration > role.maxSessionDurationSeconds()) {
            throw AwsException.badRequest("ValidationError",
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        return issue(role, sessionName, duration, tags);
    }

    /**
     * The condition keys of {@code sts:TagSession}: each tag as {@code aws:RequestTag/<key>}, every key in
     * {@code aws:TagKeys}, and the transitive ones in {@code sts:TransitiveTagKeys}
     * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awssecuritytokenservice.html).
     */
    private static Map<String, List<String>> tagKeys(Map<String, String> tags, List<String> transitive) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        tags.forEach((k, v) -> keys.put("aws:RequestTag/" + k, List.of(v)));
        keys.put("aws:TagKeys", List.copyOf(tags.keySet()));
        if (!transitive.isEmpty()) {
            keys.put("sts:TransitiveTagKeys", transitive);
        }
        return keys;
    }

    /**
     * {@code TransitiveTagKeys} (at most 50, https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
     * They are offered to the trust policy; passing them on along a role chain is not modelled.
     */
    private static List<String> transitiveTagKeys(Params p) {
        List<String> keys = p.strings("TransitiveTagKeys");
        if (keys.size() > MAX_TAGS) {
            throw Params.QUERY.invalid("TransitiveTagKeys", keys.toString(),
                    "Member must have length less than or equal to 50");
        }
        return keys;
    }

    /** {@code Tags} (at most 50): the session's tags, {@code aws:PrincipalTag/…} of its calls. */
    private static Map<String, String> sessionTags(Params p) {
        Map<String, String> tags = new java.util.LinkedHashMap<>();
        var given = p.objects("Tags");
        if (given.size() > MAX_TAGS) {
            throw Params.QUERY.invalid("Tags", given.toString(), "Member must have length less than or equal to 50");
        }
        for (ObjectNode tag : given) {
            tags.put(tag.path("Key").asText(), tag.path("Value").asText(""));
        }
        return tags;
    }

    private void requireAllowed(CallerIdentity caller, RoleLookup.Result role, String roleArn, String sessionName,
                                String action, Map<String, List<String>> keys) {
        Decision decision = role.exists() ? decide(caller, role, sessionName, action, keys) : null;
        if (decision == null || !decision.allowed()) {
            throw accessDenied("User: " + caller.arn() + " is not authorized to perform: " + action
                    + " on resource: " + roleArn);
        }
    }

    /** The trust policy is the role's resource policy; the caller's identity policies come from IAM. */
    private Decision decide(CallerIdentity caller, RoleLookup.Result role, String sessionName, String action,
                            Map<String, List<String>> requestKeys) {
        Principal principal = caller.principal();
        PrincipalPolicies.Result identity = PrincipalPolicies.Result.notFound();
        try {
            identity = context.bus().ask(new PrincipalPolicies(caller.arn()));
        } catch (NoHandlerException e) {
            // No IAM in this emulator: the trust policy alone can name the caller.
        }
        if (identity.found()) {
            principal = new Principal(caller.arn(), caller.accountId(), principal.type(), identity.arn(),
                    identity.tags());
        }
        Instant now = context.clock().now();
        Map<String, List<String>> keys = new LinkedHashMap<>(requestKeys);
        keys.put("aws:CurrentTime", List.of(now.toString()));
        keys.put("aws:EpochTime", List.of(String.valueOf(now.getEpochSecond())));
        keys.put("sts:RoleSessionName", List.of(sessionName));
        AuthorizationRequest request = new AuthorizationRequest(principal, action, role.roleArn(), keys);
        NamedPolicy trust = new NamedPolicy("AssumeRolePolicyDocument", role.trustPolicy());
        // Unlike other resource policies, a trust policy must allow even within the account: an identity policy
        // alone never lets a principal assume a role (https://docs.aws.amazon.com/IAM/latest/UserGuide/
        // reference_policies_evaluation-logic.html, "role trust policies").
        Decision trusted = PolicyEvaluator.evaluateResourcePolicy(request, trust);
        if (!trusted.allowed()) {
            return trusted;
        }
        return PolicyEvaluator.evaluate(request, new PolicySet(identity.identityPolicies(), trust,
                identity.permissionsBoundary(), role.accountId()));
    }

    private JsonNode issue(RoleLookup.Result role, String sessionName, int duration, Map<String, String> tags) {
        String roleName = role.roleArn().substring(role.roleArn().lastIndexOf('/') + 1);
        String sessionArn = "arn:aws:sts::" + role.accountId() + ":assumed-role/" + roleName + "/" + sessionName;
        String accessKeyId = context.ids().iamId("ASIA");
        String assumedRoleId = role.roleId() + ":" + sessionName;
        Instant expiration = context.clock().now().plusSeconds(duration);
        context.identities().register(new CallerIdentity(role.accountId(), sessionArn, assumedRoleId, accessKeyId,
                "AssumedRole"), expiration, tags);
        ObjectNode out = Json.object();
        ObjectNode credentials = out.putObject("Credentials").put("AccessKeyId", accessKeyId)
                .put("SecretAccessKey", context.ids().secret(40))
                .put("SessionToken", "IQoJb3JpZ2luX2VjE" + context.ids().secret(300));
        credentials.set("Expiration", TimestampNode.of(expiration));
        out.putObject("AssumedRoleUser").put("AssumedRoleId", assumedRoleId).put("Arn", sessionArn);
        out.put("PackedPolicySize", 0);
        return out;
    }

    private static AwsException accessDenied(String message) {
        return new AwsException("AccessDenied", message, 403);
    }
}
