package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.policy.AuthorizationRequest;
import io.selfheal.emulator.core.policy.Decision;
import io.selfheal.emulator.core.policy.NamedPolicy;
import io.selfheal.emulator.core.policy.PolicyEvaluator;
import io.selfheal.emulator.core.policy.PolicyKind;
import io.selfheal.emulator.core.policy.PolicySet;
import io.selfheal.emulator.core.policy.Principal;
import io.selfheal.emulator.core.policy.PrincipalType;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The policy simulator ("Testing IAM policies with the IAM policy simulator"; SimulatePrincipalPolicy,
 * SimulateCustomPolicy), deciding each action × resource on the same engine that decides requests.
 */
final class SimulateOperations {
    private final IamStore store;
    private final EmulatorClock clock;

    SimulateOperations(IamStore store, EmulatorClock clock) {
        this.store = store;
        this.clock = clock;
    }

    JsonNode simulatePrincipal(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        String source = p.required("PolicySourceArn");
        IamAccount account = store.account(ctx.accountId());
        Principal principal;
        List<NamedPolicy> identity;
        NamedPolicy boundary;
        synchronized (account) {
            PolicyHolder holder = holder(account, source);
            principal = new Principal(holder.arn, account.accountId,
                    holder instanceof User ? PrincipalType.IAMUser : PrincipalType.AssumedRole, holder.arn,
                    holder.tags);
            identity = new ArrayList<>(store.identityPolicies(account, holder.inline, holder.attached));
            boundary = store.boundary(account, holder.permissionsBoundary);
        }
        identity.addAll(inputs(p, "PolicyInputList"));
        return simulate(p, principal, identity, boundary, ctx.accountId());
    }

    JsonNode simulateCustom(RequestContext ctx, ObjectNode input) {
        Params p = IamParams.of(input);
        List<NamedPolicy> identity = inputs(p, "PolicyInputList");
        if (identity.isEmpty()) {
            throw Params.QUERY.missing("PolicyInputList");
        }
        List<NamedPolicy> boundaries = inputs(p, "PermissionsBoundaryPolicyInputList");
        String callerArn = p.string("CallerArn", "arn:aws:iam::" + ctx.accountId() + ":user/SimulatedCaller");
        String account = callerArn.split(":").length > 4 ? callerArn.split(":")[4] : ctx.accountId();
        Principal principal = new Principal(callerArn, account, callerArn.contains(":role/")
                ? PrincipalType.AssumedRole : PrincipalType.IAMUser, callerArn, Map.of());
        return simulate(p, principal, identity, boundaries.isEmpty() ? null : boundaries.get(0), ctx.accountId());
    }

    private JsonNode simulate(Params p, Principal principal, List<NamedPolicy> identity, NamedPolicy boundary,
                              String accountId) {
        List<String> actions = p.strings("ActionNames");
        if (actions.isEmpty()) {
            throw Params.QUERY.missing("ActionNames");
        }
        List<String> resources = p.strings("ResourceArns");
        if (resources.isEmpty()) {
            resources = List.of("*");
        }
        NamedPolicy resourcePolicy = p.has("ResourcePolicy") ? new NamedPolicy("ResourcePolicy",
                Documents.parse(p.string("ResourcePolicy"), PolicyKind.RESOURCE, Documents.MAX_MANAGED)) : null;
        PolicySet set = new PolicySet(identity, resourcePolicy, boundary, p.string("ResourceOwner", accountId)
                .replaceAll("^arn:aws:iam::(\\d{12}):root$", "$1"));
        Map<String, List<String>> context = context(p);
        List<ObjectNode> results = new ArrayList<>();
        for (String action : actions) {
            for (String resource : resources) {
                Decision d = PolicyEvaluator.evaluate(new AuthorizationRequest(principal, action, resource, context),
                        set);
                results.add(result(action, resource, d));
            }
        }
        return IamParams.page(p, results, "EvaluationResults", r -> r);
    }

    private static ObjectNode result(String action, String resource, Decision d) {
        ObjectNode r = Json.object().put("EvalActionName", action).put("EvalResourceName", resource)
                .put("EvalDecision", switch (d.outcome()) {
                    case ALLOW -> "allowed";
                    case EXPLICIT_DENY -> "explicitDeny";
                    case IMPLICIT_DENY -> "implicitDeny";
                });
        ArrayNode matched = r.putArray("MatchedStatements");
        if (d.statement() != null) {
            matched.addObject().put("SourcePolicyId", d.statement().policyName())
                    .put("SourcePolicyType", sourceType(d.statement()));
        }
        ArrayNode missing = r.putArray("MissingContextValues");
        d.unevaluated().forEach(u -> {
            String key = u.substring(u.lastIndexOf(": ") + 2, u.lastIndexOf(" ("));
            missing.add(key);
        });
        return r;
    }

    /** The model's PolicySourceType, and "IAM Policy" for PolicyInputList documents as the simulator says. */
    private static String sourceType(Decision.MatchedStatement s) {
        if (s.policyType() == Decision.PolicyType.RESOURCE_BASED) {
            return "resource";
        }
        String name = s.policyName();
        if (name.startsWith("PolicyInputList") || name.startsWith("PermissionsBoundaryPolicyInputList")) {
            return "IAM Policy";
        }
        if (name.startsWith("arn:aws:iam::aws:")) {
            return "aws-managed";
        }
        return name.startsWith("arn:") ? "user-managed" : "none";
    }

    private static List<NamedPolicy> inputs(Params p, String member) {
        List<NamedPolicy> out = new ArrayList<>();
        List<String> docs = p.strings(member);
        for (int i = 0; i < docs.size(); i++) {
            out.add(new NamedPolicy(member + "." + (i + 1), Documents.parse(docs.get(i), PolicyKind.IDENTITY,
                    Documents.MAX_MANAGED)));
        }
        return out;
    }

    /** ContextEntries, with aws:CurrentTime from the emulator clock unless given. */
    private Map<String, List<String>> context(Params p) {
        Map<String, List<String>> context = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        context.put("aws:CurrentTime", List.of(clock.now().toString()));
        context.put("aws:EpochTime", List.of(String.valueOf(clock.now().getEpochSecond())));
        for (ObjectNode entry : p.objects("ContextEntries")) {
            Params e = new Params(entry, Params.QUERY);
            context.put(e.required("ContextKeyName"), e.strings("ContextKeyValues"));
        }
        return context;
    }

    private static PolicyHolder holder(IamAccount account, String arn) {
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        PolicyHolder h = arn.contains(":role/") ? account.roles.get(name)
                : arn.contains(":user/") ? account.users.get(name) : null;
        if (h == null || !h.arn.equals(arn)) {
            throw IamErrors.invalidInput("Invalid Entity Arn: " + arn + " does not clearly define entity type and "
                    + "name.");
        }
        return h;
    }
}
