package io.selfheal.emulator.services.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.LowerCamel;
import io.selfheal.emulator.messages.ApiCallCompleted;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Builds CloudTrail records ("CloudTrail record contents for management, data, and network activity events" in the
 * CloudTrail User Guide), key order as in AWS's records.
 */
final class Records {
    static final String EVENT_VERSION = "1.08";

    private Records() {
    }

    /** CloudTrail's times: ISO 8601 UTC to the second, {@code 2021-11-04T15:56:41Z}. */
    static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** {@code ec2.amazonaws.com}, {@code monitoring.amazonaws.com}: the signing name is the endpoint prefix here. */
    static String eventSource(String service) {
        return service + ".amazonaws.com";
    }

    static ObjectNode record(ApiCallCompleted done, String eventId, Instant sessionCreated) {
        ApiCall call = done.call();
        ObjectNode r = Json.object().put("eventVersion", EVENT_VERSION);
        r.set("userIdentity", UserIdentity.of(done.caller(), sessionCreated));
        r.put("eventTime", time(call.time()))
                .put("eventSource", eventSource(call.service()))
                .put("eventName", call.operation())
                .put("awsRegion", call.region())
                .put("sourceIPAddress", done.sourceIp())
                .put("userAgent", done.userAgent() == null ? "" : done.userAgent());
        if (!call.succeeded()) {
            r.put("errorCode", call.errorCode());
            if (done.errorMessage() != null) {
                r.put("errorMessage", done.errorMessage());
            }
        }
        r.set("requestParameters", requestParameters(call));
        r.set("responseElements", responseElements(done));
        r.put("requestID", call.requestId())
                .put("eventID", eventId)
                .put("readOnly", call.readOnly())
                .put("eventType", "AwsApiCall")
                .put("managementEvent", true)
                .put("recipientAccountId", call.accountId())
                .put("eventCategory", "Management");
        return r;
    }

    /** null when the call had no parameters, as CloudTrail writes it. */
    private static JsonNode requestParameters(ApiCall call) {
        if (call.service().equals("ec2")) {
            return Ec2Shapes.request(call.operation(), call.parameters());
        }
        JsonNode params = call.parameters();
        return params == null || params.isEmpty() ? null : LowerCamel.tree(params);
    }

    /**
     * null for failed calls, for read-only calls (CloudTrail does not record what Describe/List/Get answered) and
     * for calls that answer nothing. EC2 writes always carry a requestId and {@code _return}.
     */
    private static JsonNode responseElements(ApiCallCompleted done) {
        ApiCall call = done.call();
        if (!call.succeeded() || call.readOnly()) {
            return null;
        }
        if (call.service().equals("ec2")) {
            return Ec2Shapes.response(call.requestId(), done.response());
        }
        JsonNode response = done.response();
        return response == null || response.isEmpty() ? null : LowerCamel.tree(response);
    }
}
