package io.selfheal.emulator.services.config.managed;

import io.selfheal.emulator.core.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The {@code InputParameters} a managed rule declares: which are required, their defaults and checks. Refusals use
 * AWS Config's {@code InvalidParameterValueException} wording for unknown and missing parameters.
 */
final class RuleParameters {
    private record Declared(boolean required, String defaultValue, Consumer<String> check) {
    }

    private final Map<String, Declared> declared = new LinkedHashMap<>();

    static RuleParameters none() {
        return new RuleParameters();
    }

    RuleParameters optional(String name, String defaultValue, Consumer<String> check) {
        declared.put(name, new Declared(false, defaultValue, check));
        return this;
    }

    RuleParameters required(String name, Consumer<String> check) {
        declared.put(name, new Declared(true, null, check));
        return this;
    }

    /** The input checked, with the defaults filled in. */
    Map<String, String> resolve(Map<String, String> input) {
        Map<String, String> given = input == null ? Map.of() : input;
        if (!declared.keySet().containsAll(given.keySet())) {
            throw new IllegalArgumentException("Unknown parameters provided in the inputParameters: "
                    + Json.MAPPER.valueToTree(given));
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        declared.forEach((name, d) -> {
            String value = given.get(name);
            if (value == null || value.isBlank()) {
                if (d.required()) {
                    throw new IllegalArgumentException("The required parameter " + name + " is not present in the "
                            + "inputParameters, please refer to Config rules documentation for the required "
                            + "parameters.");
                }
                value = d.defaultValue();
            } else {
                d.check().accept(value.trim());
                value = value.trim();
            }
            if (value != null) {
                resolved.put(name, value);
            }
        });
        return resolved;
    }

    /** Any text. */
    static void anyText(String value) {
    }

    /** A check that the value is one TCP/UDP port number. */
    static Consumer<String> port(String name) {
        return value -> {
            if (!PortRanges.isPort(value)) {
                throw new IllegalArgumentException("The parameter " + name + " must be a port number between 0 "
                        + "and 65535, not '" + value + "'.");
            }
        };
    }

    /** A check that the value is a comma-separated list of ports and dash ranges ("443,1020-1025"). */
    static Consumer<String> portList(String name) {
        return value -> {
            try {
                PortRanges.parse(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The parameter " + name + " must be a comma-separated list of "
                        + "ports or port ranges such as 443,1020-1025, not '" + value + "'.");
            }
        };
    }
}
