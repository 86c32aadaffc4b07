package io.selfheal.harness.backend.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.selfheal.emulator.core.ApiCall;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

/**
 * API calls read from CloudTrail's event history (LookupEvents), as {@link ApiCall}s: management events only (data
 * events such as Invoke, PutEvents or SendMessage are not in the event history), in the order they were made. A
 * record carries no HTTP status or duration: a success is taken as 200, a failure as 0 beside its error code.
 * <p>
 * LookupEvents is throttled at two requests per second per account and Region
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html), and outcome checks poll
 * often: a read within {@code minInterval} of the last one answers from the last one.
 */
final class TrailCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudTrailClient trail;
    private final Instant since;
    private final Duration minInterval;
    private final Clock clock;
    private Instant lastRead;
    private List<ApiCall> last = List.of();

    TrailCalls(CloudTrailClient trail, Instant since, Duration minInterval, Clock clock) {
        this.trail = trail;
        this.since = since;
        this.minInterval = minInterval;
        this.clock = clock;
    }

    synchronized List<ApiCall> read() {
        Instant now = clock.instant();
        if (lastRead != null && Duration.between(lastRead, now).compareTo(minInterval) < 0) {
            return last;
        }
        List<ApiCall> calls = new ArrayList<>();
        // The event history is newest first, to the second: sorted back by time, stable for equal seconds.
        trail.lookupEventsPaginator(r -> r.startTime(since)).events().forEach(e -> calls.add(0, call(e)));
        calls.sort(Comparator.comparing(ApiCall::time));
        lastRead = now;
        last = List.copyOf(calls);
        return last;
    }

    /**
     * Whether the event history holds the call with {@code requestId}, looked up by its event name (one lookup
     * attribute, as LookupEvents allows).
     */
    boolean holds(String eventName, String requestId) {
        return trail.lookupEventsPaginator(r -> r.startTime(since).lookupAttributes(LookupAttribute.builder()
                        .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue(eventName).build()))
                .events().stream().anyMatch(e -> requestId.equals(record(e).path("requestID").asText(null)));
    }

    /** One CloudTrail record as an {@link ApiCall}: what the record does not say (status, duration) is unknown. */
    static ApiCall call(Event event) {
        JsonNode r = record(event);
        String source = r.path("eventSource").asText(event.eventSource());
        String service = source.endsWith(".amazonaws.com")
                ? source.substring(0, source.length() - ".amazonaws.com".length()) : source;
        String errorCode = r.path("errorCode").asText(null);
        Instant time = r.hasNonNull("eventTime") ? Instant.parse(r.get("eventTime").asText()) : event.eventTime();
        JsonNode parameters = r.path("requestParameters");
        return new ApiCall(time, r.path("requestID").asText(null), r.path("recipientAccountId").asText(null),
                r.path("awsRegion").asText(null), service, r.path("eventName").asText(event.eventName()),
                r.path("userIdentity").path("arn").asText(""), parameters.isMissingNode() ? null : parameters,
                errorCode == null ? 200 : 0, errorCode, 0, r.path("readOnly").asBoolean(Boolean.parseBoolean(event.readOnly())), null);
    }

    private static JsonNode record(Event event) {
        try {
            return JSON.readTree(event.cloudTrailEvent() == null ? "{}" : event.cloudTrailEvent());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("CloudTrail event " + event.eventId() + " is not JSON", e);
        }
    }
}
