package io.selfheal.emulator.services.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.service.Params;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** limit/nextToken paging of the Describe* answers: the token is an opaque offset into the sorted listing. */
final class Pages {
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
        int from = offset(params.string("nextToken"));
        int to = Math.min(items.size(), from + limit);
        ObjectNode out = Json.object();
        ArrayNode array = out.putArray(member);
        for (int i = Math.min(from, items.size()); i < to; i++) {
            array.add(render.apply(items.get(i)));
        }
        if (to < items.size()) {
            out.put("nextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(("o/" + to).getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static int offset(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("o/")) {
                throw LogsErrors.invalidToken();
            }
            int offset = Integer.parseInt(text.substring(2));
            if (offset < 0) {
                throw LogsErrors.invalidToken();
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw LogsErrors.invalidToken();
        }
    }
}
