package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpResponse;

/**
 * AWS JSON 1.0 / 1.1: errors are {@code {"__type": type, "message": …}} with the type also in
 * {@code x-amzn-ErrorType}, as the SDKs read it. Query-compatible services add
 * {@code x-amzn-query-error: <query code>;Sender}, from which SDKs take the error code.
 */
final class AwsJsonCodec implements WireCodec {
    private final String contentType;
    private final boolean queryCompatible;

    AwsJsonCodec(String version, boolean queryCompatible) {
        this.contentType = "application/x-amz-json-" + version;
        this.queryCompatible = queryCompatible;
    }

    @Override
    public HttpResponse success(RequestContext ctx, JsonNode result, int status) {
        JsonNode body = result == null ? Json.object() : result;
        return HttpResponse.of(status, contentType, Json.bytes(body))
                .withHeader("x-amzn-RequestId", ctx.requestId());
    }

    @Override
    public HttpResponse error(RequestContext ctx, AwsException error) {
        ObjectNode body = Json.object().put("__type", error.jsonType()).put("message", error.getMessage());
        HttpResponse response = HttpResponse.of(error.status(), contentType, Json.bytes(body))
                .withHeader("x-amzn-RequestId", ctx.requestId())
                .withHeader("x-amzn-ErrorType", error.jsonType());
        return queryCompatible ? response.withHeader("x-amzn-query-error",
                error.code() + ";" + (error.senderFault() ? "Sender" : "Receiver")) : response;
    }
}
