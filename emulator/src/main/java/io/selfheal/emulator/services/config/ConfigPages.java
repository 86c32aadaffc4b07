package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.service.PageToken;
import io.selfheal.emulator.service.Params;
import java.util.List;
import java.util.function.Function;

/** {@code Limit}/{@code NextToken} paging of the rules half's listings: the token is an offset into the listing. */
final class ConfigPages {
    private ConfigPages() {
    }

    /**
     * One page of {@code items} under {@code member}.
     *
     * @param operation names the token, so one listing's token is refused by another
     * @param max       the model's largest {@code Limit} and the page size when none is asked
     */
    static ObjectNode page(String operation, String member, List<ObjectNode> items, Params params, int max) {
        Integer limit = params.integer("Limit");
        if (limit != null && (limit < 0 || limit > max)) {
            throw ConfigErrors.PARAMS.invalid("Limit", String.valueOf(limit), limit < 0
                    ? "Member must have value greater than or equal to 0"
                    : "Member must have value less than or equal to " + max);
        }
        int size = limit == null || limit == 0 ? max : limit;
        PageToken tokens = new PageToken(operation + "/");
        long from = tokens.decodeOffset(params.string("NextToken"), ConfigErrors::invalidNextToken);
        return slice(items, from, size, tokens, member, "NextToken", Function.identity());
    }

    /**
     * The items from offset {@code from}, at most {@code size} of them, each through {@code shape}, under
     * {@code member}; and under {@code tokenMember} the token of the next page when more remain. Config spells the
     * token {@code NextToken} in the rules operations and {@code nextToken} in the history ones.
     */
    static ObjectNode slice(List<ObjectNode> items, long from, int size, PageToken tokens, String member,
                            String tokenMember, Function<ObjectNode, ObjectNode> shape) {
        int to = (int) Math.min(items.size(), from + size);
        ObjectNode out = Json.object();
        ArrayNode array = out.putArray(member);
        for (int i = (int) Math.min(from, items.size()); i < to; i++) {
            array.add(shape.apply(items.get(i)));
        }
        if (to < items.size()) {
            out.put(tokenMember, tokens.encode(to));
        }
        return out;
    }
}
