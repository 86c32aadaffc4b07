package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.service.PageToken;
import io.selfheal.emulator.service.Params;
import java.util.List;
import java.util.function.Function;

/** Limit/NextToken paging of List* answers. The token is an opaque offset into the sorted listing. */
final class Page {
    private static final PageToken TOKENS = new PageToken("selfheal-events:");

    private Page() {
    }

    /** Writes one page of {@code items} under {@code member}, and NextToken when more remain. */
    static <T> ObjectNode of(List<T> items, Params params, String member,
                                 Function<T, ? extends JsonNode> render) {
        Integer limit = params.integer("Limit");
        if (limit != null && (limit < 1 || limit > 100)) {
            throw EventsErrors.PARAMS.invalid("Limit", String.valueOf(limit),
                    limit < 1 ? "Member must have value greater than or equal to 1"
                            : "Member must have value less than or equal to 100");
        }
        long from = TOKENS.decodeOffset(params.string("NextToken"),
                t -> EventsErrors.validation("The NextToken provided is not valid."));
        int to = limit == null ? items.size() : (int) Math.min(items.size(), from + limit);
        ObjectNode out = Json.object();
        ArrayNode array = out.putArray(member);
        for (int i = (int) Math.min(from, items.size()); i < to; i++) {
            array.add(render.apply(items.get(i)));
        }
        if (to < items.size()) {
            out.put("NextToken", TOKENS.encode(to));
        }
        return out;
    }
}
