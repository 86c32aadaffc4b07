package io.selfheal.emulator.core.policy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One question for the engine.
 *
 * @param principal who asks
 * @param action    the IAM action, e.g. {@code ec2:RebootInstances}
 * @param resource  the resource ARN, or {@code *} for actions without resource-level permissions
 * @param context   condition keys (any case) to their values; the caller supplies {@code aws:CurrentTime} from the
 *                  emulator clock, {@code aws:SourceArn}, tags …; the principal's own keys ({@code aws:PrincipalArn},
 *                  {@code aws:PrincipalTag/…}, {@code aws:username}, …) are added by the evaluator
 */
public record AuthorizationRequest(Principal principal, String action, String resource,
                                   Map<String, List<String>> context) {

    public AuthorizationRequest {
        Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (context != null) {
            context.forEach((k, v) -> keys.put(k, List.copyOf(v)));
        }
        context = java.util.Collections.unmodifiableMap(keys);
    }

    /** A request whose context keys are single-valued. */
    public static AuthorizationRequest of(Principal principal, String action, String resource,
                                          Map<String, String> context) {
        Map<String, List<String>> multi = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        context.forEach((k, v) -> {
            if (v != null) {
                multi.put(k, List.of(v));
            }
        });
        return new AuthorizationRequest(principal, action, resource, multi);
    }

    /** The service prefix of the action ({@code ec2}), lower case. */
    String servicePrefix() {
        int colon = action.indexOf(':');
        return (colon < 0 ? action : action.substring(0, colon)).toLowerCase(Locale.ROOT);
    }
}
