package io.selfheal.emulator.services.lambda.esm;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A function's partial batch response ({@code ReportBatchItemFailures}), read as
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html says: an empty or null response or
 * {@code batchItemFailures} list is a complete success; invalid JSON, or an {@code itemIdentifier} that is null,
 * empty, misnamed or not a message of the batch, is a complete failure.
 */
final class BatchItemFailures {
    private BatchItemFailures() {
    }

    /** @return the ids of the failed messages, or null when the whole batch failed */
    static Set<String> of(String response, Set<String> batchIds) {
        Set<String> failed = new LinkedHashSet<>();
        if (response == null || response.isBlank() || response.trim().equals("null")) {
            return failed;
        }
        JsonNode json;
        try {
            json = Json.parse(response.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
        JsonNode list = json.get("batchItemFailures");
        if (list == null || list.isNull() || !json.isObject()) {
            return json.isObject() || json.isNull() ? failed : null;
        }
        if (!list.isArray()) {
            return null;
        }
        for (JsonNode item : list) {
            JsonNode id = item.get("itemIdentifier");
            if (id == null || !id.isTextual() || id.asText().isEmpty() || !batchIds.contains(id.asText())) {
                return null;
            }
            failed.add(id.asText());
        }
        return failed;
    }
}
