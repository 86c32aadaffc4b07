package io.selfheal.emulator.services.lambda.esm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.util.List;

/**
 * One SQS event source mapping and its settings, as {@code EventSourceMappingConfiguration} shows them
 * (https://docs.aws.amazon.com/lambda/latest/api/API_EventSourceMappingConfiguration.html). Settings change only
 * through {@link #update}; the poller reads them on each batch.
 */
final class EventSourceMapping {
    /** The settings a caller chooses. */
    record Settings(String functionArn, int batchSize, int batchingWindow, List<String> responseTypes,
                    boolean enabled) {
        boolean reportsBatchItemFailures() {
            return responseTypes.contains("ReportBatchItemFailures");
        }
    }

    final String uuid;
    final String accountId;
    final String region;
    final String eventSourceArn;
    private Settings settings;
    private Instant lastModified;
    private String lastProcessingResult = "No records processed";

    EventSourceMapping(String uuid, String accountId, String region, String eventSourceArn, Settings settings,
                       Instant now) {
        this.uuid = uuid;
        this.accountId = accountId;
        this.region = region;
        this.eventSourceArn = eventSourceArn;
        this.settings = settings;
        this.lastModified = now;
    }

    String arn() {
        return "arn:aws:lambda:" + region + ":" + accountId + ":event-source-mapping:" + uuid;
    }

    synchronized Settings settings() {
        return settings;
    }

    synchronized void update(Settings next, Instant now) {
        settings = next;
        lastModified = now;
    }

    synchronized void processed(String result) {
        lastProcessingResult = result;
    }

    /**
     * The configuration as the API returns it. {@code state} is the transitional state an operation answers with
     * ({@code Creating}, {@code Updating}, {@code Enabling}, {@code Disabling}, {@code Deleting}), or null for the
     * settled one ({@code Enabled}/{@code Disabled}): changes take effect at once here, so later reads are settled.
     */
    synchronized ObjectNode json(String state) {
        ObjectNode out = Json.object()
                .put("UUID", uuid)
                .put("BatchSize", settings.batchSize())
                .put("MaximumBatchingWindowInSeconds", settings.batchingWindow())
                .put("EventSourceArn", eventSourceArn)
                .put("FunctionArn", settings.functionArn())
                .put("LastModified", lastModified.toEpochMilli() / 1000.0)
                .put("LastProcessingResult", lastProcessingResult)
                .put("State", state != null ? state : settings.enabled() ? "Enabled" : "Disabled")
                .put("StateTransitionReason", "USER_INITIATED");
        ArrayNode types = out.putArray("FunctionResponseTypes");
        settings.responseTypes().forEach(types::add);
        out.put("EventSourceMappingArn", arn());
        return out;
    }
}
