package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpResponse;

/**
 * REST-JSON: the error code travels in {@code x-amzn-ErrorType}, the body says {@code Type} and {@code message} — or,
 * for an error that names a finer type ({@link AwsException#withJsonType}, GuardDuty's {@code InvalidInputException}
 * under {@code BadRequestException}), {@code message} and that {@code __type}, as those services answer.
 */
final class RestJsonCodec implements WireCodec {
    private static final String JSON = "application/json";

    @Override
    public HttpResponse success(RequestContext ctx, JsonNode result, int status) {
        if (status == 204) {
            return HttpResponse.empty(204).withHeader("x-amzn-RequestId", ctx.requestId());
        }
        JsonNode body = result == null ? Json.object() : result;
        return HttpResponse.of(status, JSON, Json.bytes(body)).withHeader("x-amzn-RequestId", ctx.requestId());
    }

    @Override
    public HttpResponse error(RequestContext ctx, AwsException error) {
        ObjectNode body = error.jsonType().equals(error.code())
                ? Json.object().put("Type", error.senderFault() ? "User" : "Service").put("message", error.getMessage())
                : Json.object().put("message", error.getMessage()).put("__type", error.jsonType());
        return HttpResponse.of(error.status(), JSON, Json.bytes(body))
                .withHeader("x-amzn-RequestId", ctx.requestId())
                .withHeader("x-amzn-ErrorType", error.code());
    }
}
