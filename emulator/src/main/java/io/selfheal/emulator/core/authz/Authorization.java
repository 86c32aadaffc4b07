package io.selfheal.emulator.core.authz;

import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.policy.AuthorizationRequest;
import io.selfheal.emulator.core.policy.Decision;
import io.selfheal.emulator.core.policy.PolicyEvaluator;
import io.selfheal.emulator.core.policy.PolicySet;
import io.selfheal.emulator.core.policy.Principal;
import io.selfheal.emulator.core.policy.ResourcePolicies;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides whether a principal may perform an action on resources, in the emulator's {@link IamMode}, and records each
 * decision. The account's root identity (the default {@code test} keys, a 12-digit key) is never checked, as AWS never
 * restricts an account's root user by identity policies; IAM users and role sessions (functions' execution roles
 * among them) are judged by their identity-based policies and permissions boundary, together with the resource's
 * policy when its service registered a {@link ResourcePolicySource}: within one account either may allow, across
 * accounts both must ("Policy evaluation logic", "Cross-account policy evaluation logic").
 */
public final class Authorization {
    private final EmulatorClock clock;
    private final DecisionLog log;
    private volatile IamMode mode;
    private volatile IdentityPolicies policies = IdentityPolicies.NONE;
    private final Map<String, ResourcePolicySource> resourcePolicies = new ConcurrentHashMap<>();
    private volatile java.util.function.Function<String, Map<String, String>> sessionTags = key -> Map.of();

    public Authorization(IamMode mode, EmulatorClock clock, DecisionLog log) {
        this.mode = mode;
        this.clock = clock;
        this.log = log;
    }

    public IamMode mode() {
        return mode;
    }

    public void mode(IamMode mode) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
    }

    /** Set by the IAM service when it starts: how a principal's policies are found. */
    public void policies(IdentityPolicies policies) {
        this.policies = policies;
    }

    /**
     * Registered by a service whose resources carry policies, for the service field of their ARNs ({@code sqs},
     * {@code sns}, {@code lambda}, {@code s3}).
     */
    public void resourcePolicies(String arnService, ResourcePolicySource source) {
        resourcePolicies.put(arnService, source);
    }

    /** Where a session's tags are found by its access key (the emulator's identities). */
    public void sessionTags(java.util.function.Function<String, Map<String, String>> byAccessKey) {
        this.sessionTags = byAccessKey;
    }

    public DecisionLog decisions() {
        return log;
    }

    /**
     * Decides a call for each resource it acts on and records the decisions.
     *
     * @param keys the request's condition keys (global ones included)
     * @return the first denial when the mode is {@code enforce}, else null (allowed, unchecked, or only audited)
     */
    public AuthorizationDecision authorize(CallerIdentity caller, String requestId, String action,
                                           List<String> resources, Map<String, List<String>> keys, String origin) {
        IamMode now = mode;
        if (now == IamMode.OFF || !checked(caller)) {
            return null;
        }
        IdentityPolicies.Resolved identity = policies.of(caller.principal());
        Principal principal = withSessionTags(identity.principal(), caller.accessKeyId());
        PolicySet set = identity.policies();
        AuthorizationDecision denial = null;
        for (String resource : resources) {
            Decision d = PolicyEvaluator.evaluate(new AuthorizationRequest(principal, action, resource, keys),
                    withResourcePolicy(set, resource, action));
            AuthorizationDecision decision = record(requestId, caller.arn(), action, resource, d, origin,
                    now == IamMode.ENFORCE);
            if (denial == null && !decision.allowed()) {
                denial = decision;
            }
        }
        return now == IamMode.ENFORCE ? denial : null;
    }

    /**
     * Whether a service registered resource policies for this ARN service field: only then can a call reach a
     * resource of another account, so {@link #crossAccountDenial} need only be asked for these.
     */
    public boolean ownsResourcePolicies(String arnService) {
        return resourcePolicies.containsKey(arnService);
    }

    /**
     * The owning account's half of a call into another account (a bucket, an event bus, a queue of another account
     * named by ARN): its resource policy must allow the caller, or nothing reaches it. Unlike the identity half this
     * is the resource owner's protection, so it is decided in every mode and for root callers too, as AWS does
     * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic-cross-account.html).
     * Resources of the caller's own account, and those no service knows, are left to {@link #authorize}.
     *
     * @return the first denial (recorded), or null
     */
    public AuthorizationDecision crossAccountDenial(CallerIdentity caller, String requestId, String action,
                                                    List<String> resources, Map<String, List<String>> keys,
                                                    String origin) {
        Principal principal = null;
        for (String resource : resources) {
            ResourcePolicySource.Found found = ownedElsewhere(resource, action, caller.accountId());
            if (found == null) {
                continue;
            }
            if (principal == null) {
                principal = checked(caller) ? withSessionTags(policies.of(caller.principal()).principal(),
                        caller.accessKeyId()) : caller.principal();
            }
            AuthorizationRequest request = new AuthorizationRequest(principal, action, resource, keys);
            Decision d = found.policy() == null
                    ? new Decision(Decision.Outcome.IMPLICIT_DENY, null, Decision.PolicyType.RESOURCE_BASED, List.of())
                    : PolicyEvaluator.evaluateResourcePolicy(request, found.policy());
            if (!d.allowed()) {
                return record(requestId, caller.arn(), action, resource, d, origin, true);
            }
        }
        return null;
    }

    /**
     * The resource's policy and owner when another account than {@code accountId} owns it and its policy governs
     * the action, else null.
     */
    private ResourcePolicySource.Found ownedElsewhere(String resource, String action, String accountId) {
        String[] arn = resource.split(":", 6);
        if (arn.length == 6 && arn[4].equals(accountId)) {
            return null; // the ARN names the caller's account: no lookup (the common case, PutEvents on its own bus)
        }
        ResourcePolicySource source = arn.length == 6 ? resourcePolicies.get(arn[2]) : null;
        ResourcePolicySource.Found found = source == null || !source.governs(action) ? null : source.find(resource);
        if (found == null) {
            return null;
        }
        String owner = found.accountId() != null ? found.accountId() : ResourcePolicies.accountOf(resource);
        return owner == null || owner.equals(accountId) ? null : found;
    }

    /**
     * What the platform does on a principal's behalf (a function's log delivery with its execution role): whether it
     * may go ahead. Always true unless the mode is {@code enforce}; the decision is recorded in {@code audit} too.
     */
    public boolean permits(CallerIdentity caller, String action, String resource, String origin) {
        return authorize(caller, null, action, List.of(resource), globalKeys(null), origin) == null;
    }

    /** Global condition keys every request carries (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html). */
    public Map<String, List<String>> globalKeys(String sourceIp) {
        Instant now = clock.now();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("aws:CurrentTime", List.of(now.toString()));
        keys.put("aws:EpochTime", List.of(Long.toString(now.getEpochSecond())));
        keys.put("aws:SecureTransport", List.of("false"));
        if (sourceIp != null) {
            keys.put("aws:SourceIp", List.of(sourceIp));
        }
        return keys;
    }

    /**
     * A session's tags join its role's as {@code aws:PrincipalTag/…}, a session tag replacing a role tag of the same
     * key (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html, "Tag key precedence").
     */
    private Principal withSessionTags(Principal principal, String accessKeyId) {
        Map<String, String> session = sessionTags.apply(accessKeyId);
        if (session.isEmpty()) {
            return principal;
        }
        Map<String, String> tags = new LinkedHashMap<>(principal.tags());
        tags.putAll(session);
        return new Principal(principal.arn(), principal.accountId(), principal.type(), principal.issuerArn(), tags);
    }

    /** The identity side plus the resource's policy and owner, when its service knows the resource. */
    private PolicySet withResourcePolicy(PolicySet identity, String resource, String action) {
        String[] arn = resource.split(":", 6);
        ResourcePolicySource source = arn.length == 6 ? resourcePolicies.get(arn[2]) : null;
        ResourcePolicySource.Found found = source == null || !source.governs(action) ? null : source.find(resource);
        if (found == null) {
            return identity;
        }
        return new PolicySet(identity.identityPolicies(), found.policy(), identity.permissionsBoundary(),
                found.accountId() != null ? found.accountId() : ResourcePolicies.accountOf(resource));
    }

    /** Root identities are the unrestricted account admin; every other identity is checked. */
    public static boolean checked(CallerIdentity caller) {
        return !"Root".equals(caller.type());
    }

    private AuthorizationDecision record(String requestId, String principalArn, String action, String resource,
                                         Decision d, String origin, boolean enforced) {
        AuthorizationDecision.Outcome outcome = switch (d.outcome()) {
            case ALLOW -> AuthorizationDecision.Outcome.ALLOWED;
            case EXPLICIT_DENY -> AuthorizationDecision.Outcome.EXPLICIT_DENY;
            case IMPLICIT_DENY -> AuthorizationDecision.Outcome.IMPLICIT_DENY;
        };
        Decision.MatchedStatement s = d.statement();
        String policyType = d.allowed() ? null
                : d.notAllowedBy() != null ? d.notAllowedBy().words()
                : s != null ? s.policyType().words() : Decision.PolicyType.IDENTITY_BASED.words();
        String statement = s == null ? null : s.policyName() + (s.sid() == null ? "" : "/" + s.sid());
        AuthorizationDecision decision = new AuthorizationDecision(clock.now(), requestId, principalArn, action,
                resource, outcome, policyType, statement, d.unevaluated(), origin, enforced);
        log.record(decision);
        return decision;
    }
}
