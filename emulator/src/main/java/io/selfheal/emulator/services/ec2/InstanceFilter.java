package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code Filter.N} of DescribeInstances. Values of one filter are OR'd, filters are AND'd, and values may use
 * the wildcards {@code *} and {@code ?} ({@code \} escapes them), as the DescribeInstances reference describes.
 */
final class InstanceFilter {
    private static final Set<String> NAMES = Set.of("instance-id", "instance-state-name", "instance-state-code",
            "instance-type", "image-id", "key-name", "reservation-id", "subnet-id", "vpc-id", "availability-zone",
            "private-ip-address", "private-dns-name", "owner-id", "tag-key", "tag-value");

    private final String name;
    private final List<Pattern> values;

    private InstanceFilter(String name, List<Pattern> values) {
        this.name = name;
        this.values = values;
    }

    static List<InstanceFilter> parse(Params p) {
        List<InstanceFilter> filters = new ArrayList<>();
        for (ObjectNode f : p.objects("Filter")) {
            Params filter = new Params(f, p.errors());
            String name = filter.string("Name");
            if (name == null || name.isEmpty()) {
                throw p.errors().missing("Filter.Name");
            }
            if (!NAMES.contains(name) && !(name.startsWith("tag:") && name.length() > 4)) {
                throw Ec2Errors.invalidParameter("The filter '" + name + "' is invalid");
            }
            filters.add(new InstanceFilter(name, filter.strings("Value").stream().map(InstanceFilter::glob).toList()));
        }
        return filters;
    }

    boolean matches(Instance i) {
        for (String candidate : candidates(i)) {
            for (Pattern value : values) {
                if (value.matcher(candidate).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    private List<String> candidates(Instance i) {
        if (name.startsWith("tag:")) {
            String value = i.tags.get(name.substring(4));
            return value == null ? List.of() : List.of(value);
        }
        return switch (name) {
            case "instance-id" -> List.of(i.instanceId);
            case "instance-state-name" -> List.of(i.state.wireName());
            case "instance-state-code" -> List.of(Integer.toString(i.state.code()));
            case "instance-type" -> List.of(i.instanceType);
            case "image-id" -> List.of(i.imageId);
            case "key-name" -> i.keyName == null ? List.of() : List.of(i.keyName);
            case "reservation-id" -> List.of(i.reservationId);
            case "subnet-id" -> List.of(i.subnetId);
            case "vpc-id" -> List.of(i.vpcId);
            case "availability-zone" -> List.of(i.availabilityZone);
            case "private-ip-address" -> List.of(i.privateIpAddress);
            case "private-dns-name" -> List.of(i.privateDnsName);
            case "owner-id" -> List.of(i.accountId);
            case "tag-key" -> List.copyOf(i.tags.keySet());
            case "tag-value" -> List.copyOf(i.tags.values());
            default -> throw new IllegalStateException("unchecked filter " + name);
        };
    }

    /** An EC2 filter value as a regex: {@code *} any run, {@code ?} one character, {@code \} takes the next literally. */
    static Pattern glob(String value) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                literal.append(value.charAt(++i));
            } else if (c == '*' || c == '?') {
                flush(regex, literal);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        flush(regex, literal);
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
