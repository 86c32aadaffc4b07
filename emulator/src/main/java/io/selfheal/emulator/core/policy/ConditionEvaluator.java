package io.selfheal.emulator.core.policy;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * IAM's condition operators ("IAM JSON policy elements: Condition operators",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html), with the
 * {@code …IfExists} suffix and the {@code ForAllValues:}/{@code ForAnyValue:} set qualifiers
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html).
 * Several values for one key are OR-ed; a negated operator is true when no value matches, and when the key is absent.
 */
final class ConditionEvaluator {

    enum Result { TRUE, FALSE, UNKNOWN }

    private interface Match {
        boolean test(String policyValue, String requestValue, Function<String, List<String>> variables);
    }

    private record Operator(Match match, boolean negated) {
    }

    private static final Map<String, Operator> OPERATORS = Map.ofEntries(
            Map.entry("StringEquals", new Operator(ConditionEvaluator::stringEquals, false)),
            Map.entry("StringNotEquals", new Operator(ConditionEvaluator::stringEquals, true)),
            Map.entry("StringEqualsIgnoreCase", new Operator(ConditionEvaluator::stringEqualsIgnoreCase, false)),
            Map.entry("StringNotEqualsIgnoreCase", new Operator(ConditionEvaluator::stringEqualsIgnoreCase, true)),
            Map.entry("StringLike", new Operator((p, v, vars) -> Wildcards.matches(p, v, false, vars), false)),
            Map.entry("StringNotLike", new Operator((p, v, vars) -> Wildcards.matches(p, v, false, vars), true)),
            Map.entry("NumericEquals", new Operator((p, v, vars) -> numeric(p, v) == 0, false)),
            Map.entry("NumericNotEquals", new Operator((p, v, vars) -> numeric(p, v) == 0, true)),
            Map.entry("NumericLessThan", new Operator((p, v, vars) -> numeric(p, v) == -1, false)),
            Map.entry("NumericLessThanEquals", new Operator((p, v, vars) -> in(numeric(p, v), -1, 0), false)),
            Map.entry("NumericGreaterThan", new Operator((p, v, vars) -> numeric(p, v) == 1, false)),
            Map.entry("NumericGreaterThanEquals", new Operator((p, v, vars) -> in(numeric(p, v), 1, 0), false)),
            Map.entry("DateEquals", new Operator((p, v, vars) -> date(p, v) == 0, false)),
            Map.entry("DateNotEquals", new Operator((p, v, vars) -> date(p, v) == 0, true)),
            Map.entry("DateLessThan", new Operator((p, v, vars) -> date(p, v) == -1, false)),
            Map.entry("DateLessThanEquals", new Operator((p, v, vars) -> in(date(p, v), -1, 0), false)),
            Map.entry("DateGreaterThan", new Operator((p, v, vars) -> date(p, v) == 1, false)),
            Map.entry("DateGreaterThanEquals", new Operator((p, v, vars) -> in(date(p, v), 1, 0), false)),
            Map.entry("Bool", new Operator((p, v, vars) -> p.equalsIgnoreCase(v), false)),
            Map.entry("BinaryEquals", new Operator((p, v, vars) -> p.equals(v), false)),
            Map.entry("IpAddress", new Operator((p, v, vars) -> inCidr(p, v), false)),
            Map.entry("NotIpAddress", new Operator((p, v, vars) -> inCidr(p, v), true)),
            Map.entry("ArnEquals", new Operator(ConditionEvaluator::arnLike, false)),
            Map.entry("ArnLike", new Operator(ConditionEvaluator::arnLike, false)),
            Map.entry("ArnNotEquals", new Operator(ConditionEvaluator::arnLike, true)),
            Map.entry("ArnNotLike", new Operator(ConditionEvaluator::arnLike, true)));

    private ConditionEvaluator() {
    }

    /**
     * @param context       the request's keys (case-insensitive map)
     * @param variables     policy-variable lookup, or null for 2008-10-17 documents
     * @param servicePrefix the action's service: an absent key of that service is one the emulator may not supply,
     *                      so it is {@link Result#UNKNOWN} rather than read as absent
     */
    static Result evaluate(Statement.Condition condition, Map<String, List<String>> context,
                           Function<String, List<String>> variables, String servicePrefix) {
        String name = condition.operator();
        boolean forAll = name.startsWith("ForAllValues:");
        boolean forAny = name.startsWith("ForAnyValue:");
        if (forAll || forAny) {
            name = name.substring(name.indexOf(':') + 1);
        }
        boolean ifExists = name.endsWith("IfExists");
        if (ifExists) {
            name = name.substring(0, name.length() - "IfExists".length());
        }
        List<String> actual = context.get(condition.key());
        boolean present = actual != null && !actual.isEmpty();
        if (name.equals("Null") && !ifExists && !forAll && !forAny) {
            return condition.values().stream().anyMatch(v -> v.equalsIgnoreCase(String.valueOf(!present)))
                    ? Result.TRUE : Result.FALSE;
        }
        Operator operator = OPERATORS.get(name);
        if (operator == null) {
            return Result.UNKNOWN;
        }
        if (!present) {
            if (ifExists) {
                return Result.TRUE;
            }
            if (isServiceKey(condition.key(), servicePrefix)) {
                return Result.UNKNOWN;
            }
            return forAll || (!forAny && operator.negated()) ? Result.TRUE : Result.FALSE;
        }
        if (forAll) {
            return of(actual.stream().allMatch(v -> holds(operator, condition.values(), v, variables)));
        }
        if (forAny) {
            return of(actual.stream().anyMatch(v -> holds(operator, condition.values(), v, variables)));
        }
        boolean any = actual.stream().anyMatch(v -> anyValue(operator, condition.values(), v, variables));
        return of(operator.negated() != any);
    }

    private static boolean holds(Operator operator, List<String> expected, String value,
                                 Function<String, List<String>> variables) {
        return operator.negated() != anyValue(operator, expected, value, variables);
    }

    private static boolean anyValue(Operator operator, List<String> expected, String value,
                                    Function<String, List<String>> variables) {
        return expected.stream().anyMatch(p -> operator.match().test(p, value, variables));
    }

    private static boolean isServiceKey(String key, String servicePrefix) {
        int colon = key.indexOf(':');
        return colon > 0 && key.substring(0, colon).toLowerCase(Locale.ROOT).equals(servicePrefix);
    }

    private static Result of(boolean b) {
        return b ? Result.TRUE : Result.FALSE;
    }

    private static boolean in(int compared, int a, int b) {
        return compared == a || compared == b;
    }

    private static boolean stringEquals(String p, String v, Function<String, List<String>> vars) {
        String expected = Wildcards.substitute(p, vars);
        return expected != null && expected.equals(v);
    }

    private static boolean stringEqualsIgnoreCase(String p, String v, Function<String, List<String>> vars) {
        String expected = Wildcards.substitute(p, vars);
        return expected != null && expected.equalsIgnoreCase(v);
    }

    /** Request value compared to policy value: -1, 0, 1, or 2 when either is not a number. */
    private static int numeric(String policy, String request) {
        try {
            return new BigDecimal(request.trim()).compareTo(new BigDecimal(policy.trim()));
        } catch (NumberFormatException e) {
            return 2;
        }
    }

    /** Dates are ISO 8601 or epoch seconds, as the Date operators accept them. */
    private static int date(String policy, String request) {
        Instant p = instant(policy);
        Instant r = instant(request);
        return p == null || r == null ? 2 : Integer.signum(r.compareTo(p));
    }

    private static Instant instant(String text) {
        String t = text.trim();
        try {
            if (t.matches("-?\\d+")) {
                return Instant.ofEpochSecond(Long.parseLong(t));
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** ArnEquals/ArnLike: each of the six colon-separated parts is matched on its own, case-sensitively. */
    private static boolean arnLike(String pattern, String value, Function<String, List<String>> vars) {
        String[] p = pattern.split(":", 6);
        String[] v = value.split(":", 6);
        if (p.length != 6 || v.length != 6) {
            return Wildcards.matches(pattern, value, false, vars);
        }
        for (int i = 0; i < 6; i++) {
            if (!Wildcards.matches(p[i], v[i], false, vars)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inCidr(String cidr, String ip) {
        try {
            int slash = cidr.indexOf('/');
            byte[] network = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            byte[] address = literal(ip);
            if (network == null || address == null || network.length != address.length) {
                return false;
            }
            int bits = slash < 0 ? network.length * 8 : Integer.parseInt(cidr.substring(slash + 1).trim());
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((network[i / 8] & mask) != (address[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** An IP literal's bytes, never a DNS lookup. */
    private static byte[] literal(String text) {
        String t = text.trim();
        if (!t.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            return null;
        }
        try {
            return InetAddress.getByName(t).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
