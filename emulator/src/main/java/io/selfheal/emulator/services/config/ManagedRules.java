package io.selfheal.emulator.services.config;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalog of managed rules evaluated natively: register a new {@link ManagedRule} with one line here. */
public final class ManagedRules {
    private static final List<ManagedRule> ALL = List.of(
    );
    private static final Map<String, ManagedRule> BY_IDENTIFIER =
            ALL.stream().collect(Collectors.toUnmodifiableMap(ManagedRule::identifier, Function.identity()));

    private ManagedRules() {
    }

    /** The rule with that {@code SourceIdentifier}, or null when it is not emulated. */
    public static ManagedRule find(String identifier) {
        return BY_IDENTIFIER.get(identifier);
    }

    public static List<ManagedRule> all() {
        return ALL;
    }
}
