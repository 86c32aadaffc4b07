package io.selfheal.emulator.services.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A {@code FindingCriteria}: per finding attribute (a dotted path such as {@code service.archived} or
 * {@code resource.instanceDetails.networkInterfaces.securityGroups.groupId}) the conditions all of which must hold
 * (https://docs.aws.amazon.com/guardduty/latest/APIReference/API_Condition.html). A path through a list holds when
 * any element's value does; times compare as epoch milliseconds, as the API's numeric conditions take them.
 */
final class FindingCriteria {
    private final Map<String, List<Predicate<List<String>>>> conditions = new LinkedHashMap<>();

    private FindingCriteria() {
    }

    static final FindingCriteria ALL = new FindingCriteria();

    /** @throws io.selfheal.emulator.core.AwsException for a criterion that is not a map of conditions */
    static FindingCriteria parse(JsonNode findingCriteria) {
        FindingCriteria c = new FindingCriteria();
        if (findingCriteria == null || findingCriteria.isNull()) {
            return c;
        }
        JsonNode criterion = findingCriteria.path("criterion");
        if (!findingCriteria.isObject() || !(criterion.isObject() || criterion.isMissingNode())) {
            throw GuardDutyErrors.invalidValue("findingCriteria");
        }
        criterion.fields().forEachRemaining(field -> {
            if (!field.getValue().isObject() || field.getValue().isEmpty()) {
                throw GuardDutyErrors.invalidValue("findingCriteria");
            }
            List<Predicate<List<String>>> list = new ArrayList<>();
            field.getValue().fields().forEachRemaining(cond -> list.add(condition(cond.getKey(), cond.getValue())));
            c.conditions.put(field.getKey(), list);
        });
        return c;
    }

    private static Predicate<List<String>> condition(String name, JsonNode value) {
        return switch (name) {
            case "eq", "equals" -> {
                List<String> wanted = strings(value);
                yield values -> values.stream().anyMatch(wanted::contains);
            }
            case "neq", "notEquals" -> {
                List<String> unwanted = strings(value);
                yield values -> values.stream().noneMatch(unwanted::contains);
            }
            case "matches" -> {
                List<Pattern> patterns = strings(value).stream().map(FindingCriteria::glob).toList();
                yield values -> values.stream().anyMatch(v -> patterns.stream().anyMatch(p -> p.matcher(v).matches()));
            }
            case "notMatches" -> {
                List<Pattern> patterns = strings(value).stream().map(FindingCriteria::glob).toList();
                yield values -> values.stream().noneMatch(v -> patterns.stream().anyMatch(p -> p.matcher(v).matches()));
            }
            case "gt", "greaterThan" -> numeric(value, (v, bound) -> v > bound);
            case "gte", "greaterThanOrEqual" -> numeric(value, (v, bound) -> v >= bound);
            case "lt", "lessThan" -> numeric(value, (v, bound) -> v < bound);
            case "lte", "lessThanOrEqual" -> numeric(value, (v, bound) -> v <= bound);
            default -> throw GuardDutyErrors.invalidValue("findingCriteria");
        };
    }

    private static List<String> strings(JsonNode value) {
        if (!value.isArray()) {
            throw GuardDutyErrors.invalidValue("findingCriteria");
        }
        List<String> out = new ArrayList<>();
        value.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Predicate<List<String>> numeric(JsonNode value, java.util.function.BiPredicate<Double, Double> op) {
        if (!value.isNumber()) {
            throw GuardDutyErrors.invalidValue("findingCriteria");
        }
        double bound = value.asDouble();
        return values -> values.stream().map(FindingCriteria::number)
                .anyMatch(v -> v != null && op.test(v, bound));
    }

    /** A number, or a timestamp as epoch milliseconds; null for text that is neither. */
    private static Double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            try {
                return (double) Instant.parse(text).toEpochMilli();
            } catch (DateTimeParseException notATime) {
                return null;
            }
        }
    }

    /** GuardDuty's match patterns: {@code *} any run of characters, {@code ?} one. */
    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char ch : pattern.toCharArray()) {
            switch (ch) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** Whether the finding (in its {@code detail} form) meets every condition. */
    boolean matches(ObjectNode finding) {
        for (Map.Entry<String, List<Predicate<List<String>>>> e : conditions.entrySet()) {
            List<String> values = new ArrayList<>();
            collect(finding, e.getKey().split("\\."), 0, values);
            for (Predicate<List<String>> p : e.getValue()) {
                if (!p.test(values)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void collect(JsonNode node, String[] path, int at, List<String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(element -> collect(element, path, at, out));
            return;
        }
        if (at == path.length) {
            if (node.isValueNode()) {
                out.add(node.asText());
            }
            return;
        }
        collect(node.get(path[at]), path, at + 1, out);
    }
}
