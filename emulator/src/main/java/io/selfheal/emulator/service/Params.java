package io.selfheal.emulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of an operation's input tree with the service's own validation errors. Query protocols carry every
 * scalar as a string, JSON protocols carry real types: both are accepted.
 */
public final class Params {

    /** How a service words a missing or invalid parameter. */
    public interface Errors {
        AwsException missing(String name);

        AwsException invalid(String name, String value, String constraint);
    }

    /** JSON services (EventBridge, Lambda): {@code ValidationException}, in the words of AWS's model validation. */
    public static final Errors VALIDATION_EXCEPTION = new Errors() {
        @Override
        public AwsException missing(String name) {
            return AwsException.badRequest("ValidationException", "1 validation error detected: Value null at '"
                    + lowerFirst(name) + "' failed to satisfy constraint: Member must not be null");
        }

        @Override
        public AwsException invalid(String name, String value, String constraint) {
            return AwsException.badRequest("ValidationException", "1 validation error detected: Value '" + value
                    + "' at '" + lowerFirst(name) + "' failed to satisfy constraint: " + constraint);
        }
    };

    /** AWS query services (CloudWatch, STS): {@code MissingParameter} and {@code ValidationError}. */
    public static final Errors QUERY = new Errors() {
        @Override
        public AwsException missing(String name) {
            return AwsException.badRequest("MissingParameter",
                    "The request must contain the parameter " + name + ".");
        }

        @Override
        public AwsException invalid(String name, String value, String constraint) {
            return AwsException.badRequest("ValidationError", "1 validation error detected: Value '" + value
                    + "' at '" + lowerFirst(name) + "' failed to satisfy constraint: " + constraint);
        }
    };

    /** EC2: {@code MissingParameter} and {@code InvalidParameterValue}. */
    public static final Errors EC2 = new Errors() {
        @Override
        public AwsException missing(String name) {
            return AwsException.badRequest("MissingParameter",
                    "The request must contain the parameter " + name);
        }

        @Override
        public AwsException invalid(String name, String value, String constraint) {
            return AwsException.badRequest("InvalidParameterValue",
                    "Value (" + value + ") for parameter " + name + " is invalid. " + constraint);
        }
    };

    private final ObjectNode input;
    private final Errors errors;

    public Params(ObjectNode input, Errors errors) {
        this.input = input;
        this.errors = errors;
    }

    public ObjectNode input() {
        return input;
    }

    public Errors errors() {
        return errors;
    }

    public boolean has(String name) {
        JsonNode n = input.get(name);
        return n != null && !n.isNull();
    }

    public JsonNode node(String name) {
        JsonNode n = input.get(name);
        return n == null || n.isNull() ? null : n;
    }

    public String string(String name) {
        JsonNode n = node(name);
        return n == null ? null : n.asText();
    }

    public String string(String name, String fallback) {
        String s = string(name);
        return s == null ? fallback : s;
    }

    /** A required, non-empty string. */
    public String required(String name) {
        String s = string(name);
        if (s == null) {
            throw errors.missing(name);
        }
        if (s.isEmpty()) {
            throw errors.invalid(name, s, "Member must have length greater than or equal to 1");
        }
        return s;
    }

    public JsonNode requiredNode(String name) {
        JsonNode n = node(name);
        if (n == null) {
            throw errors.missing(name);
        }
        return n;
    }

    public Integer integer(String name) {
        JsonNode n = node(name);
        if (n == null) {
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(n.asText().trim());
        } catch (NumberFormatException e) {
            // Also an integer beyond 32 bits: AWS's integer members are 32-bit, and wrapping would answer for another.
            throw errors.invalid(name, n.asText(), "Member must be an integer");
        }
    }

    public int integer(String name, int fallback) {
        Integer i = integer(name);
        return i == null ? fallback : i;
    }

    /**
     * A double member; may be NaN or infinite ({@code NaN}, {@code 1e309}) for the service to refuse in its own
     * words, as CloudWatch's values are, or with {@link #finiteNumber}.
     */
    public Double number(String name) {
        JsonNode n = node(name);
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(n.asText().trim());
        } catch (NumberFormatException e) {
            throw errors.invalid(name, n.asText(), "Member must be a number");
        }
    }

    /** A double member that must be finite: NaN and infinities, stored, would come back as text SDKs cannot read. */
    public Double finiteNumber(String name) {
        Double value = number(name);
        if (value != null && !Double.isFinite(value)) {
            throw errors.invalid(name, string(name), "Member must be a finite number");
        }
        return value;
    }

    public boolean bool(String name, boolean fallback) {
        JsonNode n = node(name);
        if (n == null) {
            return fallback;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        String s = n.asText();
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        throw errors.invalid(name, s, "Member must be a boolean");
    }

    /** A list of strings; a single scalar counts as a list of one. */
    public List<String> strings(String name) {
        JsonNode n = node(name);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isArray()) {
            n.forEach(e -> out.add(e.asText()));
        } else {
            out.add(n.asText());
        }
        return out;
    }

    /**
     * A list of objects; missing means empty, and so does an empty value: the query protocols send an empty list as
     * {@code Name=} (the SDKs' awsQuery serializers do).
     */
    public List<ObjectNode> objects(String name) {
        JsonNode n = node(name);
        List<ObjectNode> out = new ArrayList<>();
        if (n == null || n.isTextual() && n.asText().isEmpty()) {
            return out;
        }
        if (n.isArray()) {
            for (JsonNode e : n) {
                if (!e.isObject()) {
                    throw errors.invalid(name, e.toString(), "Member must be a structure");
                }
                out.add((ObjectNode) e);
            }
        } else if (n.isObject()) {
            out.add((ObjectNode) n);
        } else {
            throw errors.invalid(name, n.asText(), "Member must be a list");
        }
        return out;
    }

    /** The nested structure {@code name} as Params with the same errors, or null. */
    public Params child(String name) {
        JsonNode n = node(name);
        if (n == null) {
            return null;
        }
        if (!n.isObject()) {
            throw errors.invalid(name, n.asText(), "Member must be a structure");
        }
        return new Params((ObjectNode) n, errors);
    }

    static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
