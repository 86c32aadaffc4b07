package io.selfheal.emulator.core.policy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The question services ask of the resource policies they store (a queue's {@code Policy} attribute, a topic's, a
 * function's, the account's log resource policies): may this service principal, acting for {@code sourceArn}, do
 * this? Parsed documents are cached by their text, since deliveries ask far more often than policies change.
 */
public final class ResourcePolicies {
    private static final int CACHE_LIMIT = 1024;
    private static final Map<String, PolicyDocument> PARSED = new ConcurrentHashMap<>();

    private ResourcePolicies() {
    }

    /**
     * @param documents     the resource's policy texts (null or malformed ones allow nothing)
     * @param sourceAccount the source's account, or null to read it from {@code sourceArn}
     * @return allow when one document allows and none denies
     */
    public static Decision forService(Collection<String> documents, String service, String action, String resource,
                                      String sourceArn, String sourceAccount) {
        Map<String, String> context = new HashMap<>();
        if (sourceArn != null) {
            context.put("aws:SourceArn", sourceArn);
        }
        String account = sourceAccount != null ? sourceAccount : accountOf(sourceArn);
        if (account != null) {
            context.put("aws:SourceAccount", account);
        }
        return forPrincipal(documents, AuthorizationRequest.of(Principal.service(service), action, resource, context));
    }

    /** The resource side for any principal (see {@link PolicyEvaluator#evaluateResourcePolicy}). */
    public static Decision forPrincipal(Collection<String> documents, AuthorizationRequest request) {
        Decision allowed = null;
        for (String text : documents) {
            PolicyDocument doc = parsed(text);
            if (doc == null) {
                continue;
            }
            Decision d = PolicyEvaluator.evaluateResourcePolicy(request, new NamedPolicy("resource policy", doc));
            if (d.outcome() == Decision.Outcome.EXPLICIT_DENY) {
                return d;
            }
            if (d.allowed() && allowed == null) {
                allowed = d;
            }
        }
        return allowed != null ? allowed
                : new Decision(Decision.Outcome.IMPLICIT_DENY, null, Decision.PolicyType.RESOURCE_BASED, List.of());
    }

    /** The document, or null when there is none or IAM could not parse it. */
    public static PolicyDocument parsed(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        PolicyDocument doc = PARSED.get(text);
        if (doc == null) {
            try {
                doc = PolicyDocument.parse(text);
            } catch (MalformedPolicyDocumentException e) {
                return null;
            }
            if (PARSED.size() > CACHE_LIMIT) {
                PARSED.clear();
            }
            PARSED.put(text, doc);
        }
        return doc;
    }

    /** The account field of an ARN ({@code arn:aws:events:us-east-1:123456789012:rule/x}), or null. */
    public static String accountOf(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length > 4 && !parts[4].isEmpty() ? parts[4] : null;
    }
}
