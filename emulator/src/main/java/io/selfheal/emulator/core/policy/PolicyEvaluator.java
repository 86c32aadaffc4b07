package io.selfheal.emulator.core.policy;

import io.selfheal.emulator.core.policy.Decision.MatchedStatement;
import io.selfheal.emulator.core.policy.Decision.Outcome;
import io.selfheal.emulator.core.policy.Decision.PolicyType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Decides a request as AWS's "Policy evaluation logic"
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html) and "Cross-account
 * policy evaluation logic" (…/reference_policies_evaluation-logic-cross-account.html) describe: an explicit Deny in
 * any policy wins; within one account an Allow from the resource policy naming the principal, or from an identity
 * policy (within the permissions boundary) grants; across accounts both the identity side and the resource policy
 * must allow. Service principals and anonymous callers are judged by the resource policy alone; the account root has
 * every permission in its own account that no Deny takes away.
 */
public final class PolicyEvaluator {
    private static final Logger LOG = Logger.getLogger(PolicyEvaluator.class.getName());

    private PolicyEvaluator() {
    }

    /** How a statement's Principal names the caller: itself, the role behind its session, or its whole account. */
    private enum PrincipalMatch { NONE, ACCOUNT, ISSUER, SELF }

    /** What one policy says about the request. */
    private record Verdict(MatchedStatement deny, MatchedStatement allow, PrincipalMatch allowMatch) {
    }

    public static Decision evaluate(AuthorizationRequest request, PolicySet policies) {
        Map<String, List<String>> context = effectiveContext(request);
        List<String> unevaluated = new ArrayList<>();
        List<Verdict> identity = new ArrayList<>();
        for (NamedPolicy p : policies.identityPolicies()) {
            identity.add(verdict(p, PolicyType.IDENTITY_BASED, request, context, unevaluated));
        }
        Verdict resource = policies.resourcePolicy() == null ? null
                : verdict(policies.resourcePolicy(), PolicyType.RESOURCE_BASED, request, context, unevaluated);
        Verdict boundary = policies.permissionsBoundary() == null ? null
                : verdict(policies.permissionsBoundary(), PolicyType.PERMISSIONS_BOUNDARY, request, context,
                unevaluated);
        if (!unevaluated.isEmpty()) {
            LOG.fine(() -> "policy conditions not evaluated for " + request.action() + " on " + request.resource()
                    + " by " + request.principal().arn() + ": " + unevaluated + " (failed closed)");
        }

        List<Verdict> all = new ArrayList<>(identity);
        if (resource != null) {
            all.add(resource);
        }
        if (boundary != null) {
            all.add(boundary);
        }
        for (Verdict v : all) {
            if (v.deny() != null) {
                return new Decision(Outcome.EXPLICIT_DENY, v.deny(), null, unevaluated);
            }
        }

        Principal principal = request.principal();
        MatchedStatement resourceAllow = resource == null ? null : resource.allow();
        PrincipalMatch resourceMatch = resource == null ? PrincipalMatch.NONE : resource.allowMatch();
        if (principal.type() == PrincipalType.Service || principal.type() == PrincipalType.Anonymous) {
            return resourceAllow != null ? allow(resourceAllow, unevaluated)
                    : implicitDeny(PolicyType.RESOURCE_BASED, unevaluated);
        }

        boolean root = principal.type() == PrincipalType.Root;
        MatchedStatement identityAllow = identity.stream().map(Verdict::allow)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        boolean identityAllows = root || identityAllow != null;
        boolean boundaryAllows = root || boundary == null || boundary.allow() != null;
        String resourceAccount = policies.resourceAccount() == null ? principal.accountId()
                : policies.resourceAccount();
        boolean crossAccount = principal.accountId() != null && !principal.accountId().equals(resourceAccount);

        if (crossAccount) {
            if (!identityAllows) {
                return implicitDeny(PolicyType.IDENTITY_BASED, unevaluated);
            }
            if (!boundaryAllows) {
                return implicitDeny(PolicyType.PERMISSIONS_BOUNDARY, unevaluated);
            }
            if (resourceAllow == null) {
                return implicitDeny(PolicyType.RESOURCE_BASED, unevaluated);
            }
            return allow(identityAllow != null ? identityAllow : resourceAllow, unevaluated);
        }
        // Same account: a resource policy naming the user or session itself grants past the boundary; naming the
        // role grants within it; naming only the account delegates to identity policies. When the identity side
        // allows too, the decision names its statement (what a least-privilege report reads as used).
        if (identityAllow != null && boundaryAllows) {
            return allow(identityAllow, unevaluated);
        }
        if (resourceMatch == PrincipalMatch.SELF || (resourceMatch == PrincipalMatch.ISSUER && boundaryAllows)) {
            return allow(resourceAllow, unevaluated);
        }
        if (!identityAllows) {
            return implicitDeny(PolicyType.IDENTITY_BASED, unevaluated);
        }
        if (!boundaryAllows) {
            return implicitDeny(PolicyType.PERMISSIONS_BOUNDARY, unevaluated);
        }
        return allow(identityAllow, unevaluated);
    }

    /**
     * The resource policy's side of a decision alone: an explicit Deny, or an Allow naming the caller, its role or its
     * account. For a service principal this is the whole decision; for a caller of another account it is the half
     * the resource's service checks (the caller's identity policies are the other half).
     */
    public static Decision evaluateResourcePolicy(AuthorizationRequest request, NamedPolicy policy) {
        List<String> unevaluated = new ArrayList<>();
        Verdict v = verdict(policy, PolicyType.RESOURCE_BASED, request, effectiveContext(request), unevaluated);
        if (v.deny() != null) {
            return new Decision(Outcome.EXPLICIT_DENY, v.deny(), null, unevaluated);
        }
        return v.allow() != null ? allow(v.allow(), unevaluated) : implicitDeny(PolicyType.RESOURCE_BASED, unevaluated);
    }

    private static Decision allow(MatchedStatement statement, List<String> unevaluated) {
        return new Decision(Outcome.ALLOW, statement, null, unevaluated);
    }

    private static Decision implicitDeny(PolicyType type, List<String> unevaluated) {
        return new Decision(Outcome.IMPLICIT_DENY, null, type, unevaluated);
    }

    private static Verdict verdict(NamedPolicy policy, PolicyType type, AuthorizationRequest request,
                                   Map<String, List<String>> context, List<String> unevaluated) {
        PolicyDocument doc = policy.document();
        Function<String, List<String>> variables = doc.substitutesVariables() ? context::get : null;
        MatchedStatement deny = null;
        MatchedStatement allow = null;
        PrincipalMatch allowMatch = PrincipalMatch.NONE;
        for (Statement s : doc.statements()) {
            PrincipalMatch who = type == PolicyType.RESOURCE_BASED ? principal(s, request.principal())
                    : PrincipalMatch.SELF;
            if (who == PrincipalMatch.NONE || !action(s, request.action()) || !resource(s, request, variables)) {
                continue;
            }
            List<String> unknown = new ArrayList<>();
            boolean holds = true;
            for (Statement.Condition c : s.conditions()) {
                ConditionEvaluator.Result r = ConditionEvaluator.evaluate(c, context, variables,
                        request.servicePrefix());
                if (r == ConditionEvaluator.Result.FALSE) {
                    holds = false;
                    break;
                }
                if (r == ConditionEvaluator.Result.UNKNOWN) {
                    unknown.add(c.toString());
                }
            }
            if (!holds) {
                continue;
            }
            unknown.forEach(u -> unevaluated.add(policy.name() + ": " + u));
            MatchedStatement matched = new MatchedStatement(policy.name(), type, s.sid());
            if (!s.allow()) {
                // An unevaluable condition fails closed: the Deny applies.
                deny = deny == null ? matched : deny;
            } else if (unknown.isEmpty() && who.compareTo(allowMatch) > 0) {
                allow = matched;
                allowMatch = who;
            }
        }
        return new Verdict(deny, allow, allowMatch);
    }

    private static boolean action(Statement s, String action) {
        if (s.actions() != null) {
            return s.actions().stream().anyMatch(p -> Wildcards.matches(p, action, true, null));
        }
        return s.notActions().stream().noneMatch(p -> Wildcards.matches(p, action, true, null));
    }

    /** A statement without Resource (trust policies) applies to the resource at hand. */
    private static boolean resource(Statement s, AuthorizationRequest request, Function<String, List<String>> vars) {
        if (s.resources() != null) {
            return s.resources().stream().anyMatch(p -> Wildcards.matches(p, request.resource(), false, vars));
        }
        if (s.notResources() != null) {
            return s.notResources().stream().noneMatch(p -> Wildcards.matches(p, request.resource(), false, vars));
        }
        return true;
    }

    private static PrincipalMatch principal(Statement s, Principal caller) {
        if (s.principal() != null) {
            return named(s.principal(), caller);
        }
        if (s.notPrincipal() != null) {
            return named(s.notPrincipal(), caller) == PrincipalMatch.NONE ? PrincipalMatch.SELF : PrincipalMatch.NONE;
        }
        return PrincipalMatch.NONE;
    }

    /** "AWS JSON policy elements: Principal": {@code *}, account ids and roots, user/role/session ARNs, services. */
    private static PrincipalMatch named(Map<String, List<String>> principals, Principal caller) {
        PrincipalMatch best = PrincipalMatch.NONE;
        for (Map.Entry<String, List<String>> e : principals.entrySet()) {
            for (String value : e.getValue()) {
                PrincipalMatch m = switch (e.getKey()) {
                    case "*" -> PrincipalMatch.SELF;
                    case "AWS" -> aws(value, caller);
                    case "Service" -> caller.type() == PrincipalType.Service && value.equals(caller.arn())
                            ? PrincipalMatch.SELF : PrincipalMatch.NONE;
                    default -> PrincipalMatch.NONE;
                };
                best = m.compareTo(best) > 0 ? m : best;
            }
        }
        return best;
    }

    private static PrincipalMatch aws(String value, Principal caller) {
        if (value.equals("*")) {
            return PrincipalMatch.SELF;
        }
        if (caller.accountId() == null) {
            return PrincipalMatch.NONE;
        }
        if (value.equals(caller.arn())) {
            return PrincipalMatch.SELF;
        }
        if (value.equals(caller.issuerArn())) {
            return PrincipalMatch.ISSUER;
        }
        boolean account = value.equals(caller.accountId())
                || value.equals("arn:aws:iam::" + caller.accountId() + ":root");
        if (account) {
            return caller.type() == PrincipalType.Root ? PrincipalMatch.SELF : PrincipalMatch.ACCOUNT;
        }
        return PrincipalMatch.NONE;
    }

    /** The request's keys plus those IAM derives from the principal ("AWS global condition context keys"). */
    private static Map<String, List<String>> effectiveContext(AuthorizationRequest request) {
        Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Principal p = request.principal();
        if (p.type() == PrincipalType.Service) {
            keys.put("aws:PrincipalIsAWSService", List.of("true"));
            keys.put("aws:PrincipalServiceName", List.of(p.arn()));
        } else if (p.type() != PrincipalType.Anonymous) {
            keys.put("aws:PrincipalIsAWSService", List.of("false"));
            keys.put("aws:PrincipalArn", List.of(p.type() == PrincipalType.AssumedRole && p.issuerArn() != null
                    ? p.issuerArn() : p.arn()));
            keys.put("aws:PrincipalAccount", List.of(p.accountId()));
            keys.put("aws:PrincipalType", List.of(switch (p.type()) {
                case Root -> "Account";
                case IAMUser -> "User";
                default -> "AssumedRole";
            }));
            if (p.userName() != null) {
                keys.put("aws:username", List.of(p.userName()));
            }
            p.tags().forEach((k, v) -> keys.put("aws:PrincipalTag/" + k, List.of(v)));
        }
        keys.putAll(request.context());
        return keys;
    }
}
