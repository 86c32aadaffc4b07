package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpResponse;

/**
 * AWS JSON 1.0 / 1.1: errors are {@code {"__type": code, "message": …}} with the code also in
 * {@code x-amzn-ErrorType}, as the SDKs read it.
 */
final class AwsJsonCodec implements WireCodec {
    private final String contentType;

    AwsJsonCodec(String version) {
        this.contentType = "application/x-amz-json-" + version;
    }

    @Override
    public HttpResponse success(RequestContext ctx, JsonNode result, int status) {
        JsonNode body = result == null ? Json.object() : result;
        return HttpResponse.of(status, contentType, Json.bytes(body))
                .withHeader("x-amzn-RequestId", ctx.requestId());
    }

    @Override
    public HttpResponse error(RequestContext ctx, AwsException error) {
        ObjectNode body = Json.object().put("__type", error.code()).put("message", error.getMessage());
        return HttpResponse.of(error.status(), contentType, Json.bytes(body))
                .withHeader("x-amzn-RequestId", ctx.requestId())
                .withHeader("x-amzn-ErrorType", error.code());
    }
}
