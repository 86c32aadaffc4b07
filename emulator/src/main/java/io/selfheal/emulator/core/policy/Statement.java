package io.selfheal.emulator.core.policy;

import java.util.List;
import java.util.Map;

/**
 * One parsed statement. Exactly one of each pair (Action/NotAction, Resource/NotResource, Principal/NotPrincipal) is
 * set, or neither where the policy kind allows it; lists hold the element's values as written.
 *
 * @param principal    principal type ({@code AWS}, {@code Service}, …, or {@code *} for {@code "Principal": "*"}) to
 *                     its values, or null
 * @param notPrincipal the same for NotPrincipal, or null
 */
public record Statement(String sid, boolean allow, Map<String, List<String>> principal,
                        Map<String, List<String>> notPrincipal, List<String> actions, List<String> notActions,
                        List<String> resources, List<String> notResources, List<Condition> conditions) {

    /** One condition: operator as written ({@code ForAnyValue:StringLikeIfExists}), key, values. */
    public record Condition(String operator, String key, List<String> values) {
        @Override
        public String toString() {
            return key + " (" + operator + ")";
        }
    }
}
