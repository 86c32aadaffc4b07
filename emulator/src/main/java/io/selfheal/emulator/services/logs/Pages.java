package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.service.PageToken;
import io.selfheal.emulator.service.Params;
import java.util.List;
import java.util.function.Function;

/** limit/nextToken paging of the Describe* answers: the token is an opaque offset into the sorted listing. */
final class Pages {
    private static final PageToken TOKENS = new PageToken("o/");

    private Pages() {
    }

    /** The {@code limit} member, checked against the model's range, or {@code fallback}. */
    static int limit(Params params, int max, int fallback) {
        Integer limit = params.integer("limit");
        if (limit == null) {
            return fallback;
        }
        if (limit < 1) {
            throw LogsErrors.PARAMS.invalid("limit", String.valueOf(limit),
                    "Member must have value greater than or equal to 1");
        }
        if (limit > max) {
            throw LogsErrors.PARAMS.invalid("limit", String.valueOf(limit),
                    "Member must have value less than or equal to " + max);
        }
        return limit;
    }

    static <T> ObjectNode of(List<T> items, Params params, int max, String member, Function<T, ObjectNode> render) {
        int limit = limit(params, max, max);
        long from = TOKENS.decodeOffset(params.string("nextToken"), t -> LogsErrors.invalidToken());
        int to = (int) Math.min(items.size(), from + limit);
        ObjectNode out = Json.object();
        ArrayNode array = out.putArray(member);
        for (int i = (int) Math.min(from, items.size()); i < to; i++) {
            array.add(render.apply(items.get(i)));
        }
        if (to < items.size()) {
            out.put("nextToken", TOKENS.encode(to));
        }
        return out;
    }
}
