package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * {@code Filter.N} of the EC2 Describe calls (DescribeInstances' names are {@link InstanceFilter}'s): values OR'd,
 * filters AND'd, {@code *}/{@code ?} wildcards; {@code tag:K}, {@code tag-key} and {@code tag-value} work on every
 * tagged resource. An unknown filter name is refused, as EC2 does.
 */
final class ResourceFilter {
    private ResourceFilter() {
    }

    static <T extends Tagged> Predicate<T> parse(Params p, Map<String, Function<T, Collection<String>>> fields) {
        List<Predicate<T>> all = new ArrayList<>();
        for (ObjectNode f : p.objects("Filter")) {
            Params filter = new Params(f, p.errors());
            String name = filter.string("Name");
            if (name == null || name.isEmpty()) {
                throw p.errors().missing("Filter.Name");
            }
            Function<T, Collection<String>> field = field(name, fields);
            List<Pattern> values = filter.strings("Value").stream().map(InstanceFilter::glob).toList();
            all.add(t -> field.apply(t).stream().anyMatch(c -> values.stream().anyMatch(v -> v.matcher(c).matches())));
        }
        return t -> all.stream().allMatch(f -> f.test(t));
    }

    private static <T extends Tagged> Function<T, Collection<String>> field(
            String name, Map<String, Function<T, Collection<String>>> fields) {
        if (name.startsWith("tag:") && name.length() > 4) {
            String key = name.substring(4);
            return t -> t.tags().containsKey(key) ? List.of(t.tags().get(key)) : List.of();
        }
        if (name.equals("tag-key")) {
            return t -> t.tags().keySet();
        }
        if (name.equals("tag-value")) {
            return t -> t.tags().values();
        }
        Function<T, Collection<String>> field = fields.get(name);
        if (field == null) {
            throw Ec2Errors.invalidParameter("The filter '" + name + "' is invalid");
        }
        return field;
    }

    /** A single value as a filter field. */
    static Collection<String> one(Object value) {
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
