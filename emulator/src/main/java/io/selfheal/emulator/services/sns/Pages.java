package io.selfheal.emulator.services.sns;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** SNS list pages: 100 items, an opaque NextToken naming the first item of the next page. */
final class Pages {
    static final int SIZE = 100;

    private Pages() {
    }

    /** Writes {@code listName} and, when more follow, {@code NextToken} into a result. */
    static <T> ObjectNode page(List<T> items, String nextToken, Function<T, String> key, String listName,
                               BiConsumer<T, ArrayNode> write) {
        int start = 0;
        if (nextToken != null && !nextToken.isEmpty()) {
            String after;
            try {
                after = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw SnsErrors.invalidParameter("NextToken");
            }
            start = -1;
            for (int i = 0; i < items.size(); i++) {
                if (key.apply(items.get(i)).equals(after)) {
                    start = i;
                    break;
                }
            }
            if (start < 0) {
                throw SnsErrors.invalidParameter("NextToken");
            }
        }
        ObjectNode result = Json.object();
        ArrayNode list = result.putArray(listName);
        int end = Math.min(items.size(), start + SIZE);
        for (int i = start; i < end; i++) {
            write.accept(items.get(i), list);
        }
        if (end < items.size()) {
            result.put("NextToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(key.apply(items.get(end)).getBytes(StandardCharsets.UTF_8)));
        }
        return result;
    }
}
