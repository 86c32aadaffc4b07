package io.selfheal.emulator.services.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.service.Params;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The batch actions' common frame: 1 to 10 entries with distinct, well-formed ids; each entry succeeds or fails on
 * its own ({@code Successful} / {@code Failed} with {@code SenderFault}, {@code Code}, {@code Message}).
 */
final class Batches {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private Batches() {
    }

    static List<ObjectNode> entries(ObjectNode input, String entryName) {
        List<ObjectNode> entries = new Params(input, SqsErrors.PARAMS).objects("Entries");
        if (entries.isEmpty()) {
            throw SqsErrors.emptyBatch(entryName);
        }
        if (entries.size() > 10) {
            throw SqsErrors.tooManyEntries(entries.size());
        }
        Set<String> ids = new HashSet<>();
        for (ObjectNode entry : entries) {
            String id = entry.path("Id").asText("");
            if (!ID.matcher(id).matches()) {
                throw SqsErrors.invalidBatchEntryId();
            }
            if (!ids.add(id)) {
                throw SqsErrors.idsNotDistinct(id);
            }
        }
        return entries;
    }

    /** Runs each entry; {@code action} returns the success entry's members beyond Id (or null for none). */
    static ObjectNode run(List<ObjectNode> entries, Function<ObjectNode, ObjectNode> action) {
        ArrayNode successful = Json.array();
        ArrayNode failed = Json.array();
        for (ObjectNode entry : entries) {
            String id = entry.get("Id").asText();
            try {
                ObjectNode result = Json.object().put("Id", id);
                JsonNode extra = action.apply(entry);
                if (extra != null) {
                    result.setAll((ObjectNode) extra);
                }
                successful.add(result);
            } catch (AwsException e) {
                failed.add(Json.object().put("Id", id).put("SenderFault", e.senderFault())
                        .put("Code", e.code()).put("Message", e.getMessage()));
            }
        }
        ObjectNode out = Json.object();
        out.set("Successful", successful);
        out.set("Failed", failed);
        return out;
    }
}
