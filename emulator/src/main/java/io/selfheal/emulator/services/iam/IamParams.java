package io.selfheal.emulator.services.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.service.Params;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** IAM's input constraints (the model's patterns and lengths) and its Marker/MaxItems paging. */
final class IamParams {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]+");
    private static final Pattern PATH = Pattern.compile("(/)|(/[\\u0021-\\u007E]+/)");
    private static final String NAME_CONSTRAINT = "Member must satisfy regular expression pattern: [\\w+=,.@-]+";

    private IamParams() {
    }

    static Params of(ObjectNode input) {
        return new Params(input, Params.QUERY);
    }

    /** A required entity name ({@code RoleName}, {@code PolicyName} …) of at most {@code max} characters. */
    static String name(Params p, String member, int max) {
        String value = p.required(member);
        if (value.length() > max) {
            throw Params.QUERY.invalid(member, value, "Member must have length less than or equal to " + max);
        }
        if (!NAME.matcher(value).matches()) {
            throw Params.QUERY.invalid(member, value, NAME_CONSTRAINT);
        }
        return value;
    }

    static String path(Params p) {
        String path = p.string("Path", "/");
        if (path.length() > 512 || !PATH.matcher(path).matches()) {
            throw Params.QUERY.invalid("Path", path,
                    "Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)");
        }
        return path;
    }

    /** One page of {@code items} under {@code listName}, with IsTruncated and, when truncated, the next Marker. */
    static <T> ObjectNode page(Params p, List<T> items, String listName, Function<T, JsonNode> render) {
        int max = p.integer("MaxItems", 100);
        if (max < 1 || max > 1000) {
            throw Params.QUERY.invalid("MaxItems", String.valueOf(max),
                    "Member must have value between 1 and 1000");
        }
        int start = 0;
        String marker = p.string("Marker");
        if (marker != null) {
            try {
                start = Integer.parseInt(marker);
            } catch (NumberFormatException e) {
                throw IamErrors.invalidInput("Invalid Marker.");
            }
        }
        int end = Math.min(items.size(), start + max);
        ObjectNode out = Json.object();
        var list = out.putArray(listName);
        for (int i = Math.min(start, end); i < end; i++) {
            list.add(render.apply(items.get(i)));
        }
        out.put("IsTruncated", end < items.size());
        if (end < items.size()) {
            out.put("Marker", String.valueOf(end));
        }
        return out;
    }
}
