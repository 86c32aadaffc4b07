package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpResponse;
import java.util.Set;

/**
 * Smithy RPC v2 CBOR responses: every one carries {@code smithy-protocol: rpc-v2-cbor}; a result is a CBOR map in
 * {@code application/cbor}, and an operation without output (one that returns null, e.g. PutMetricData) answers 200
 * with no body and no Content-Type. Errors are a map of {@code __type} (the error's absolute shape ID) and
 * {@code message}, with the error's status; query-compatible services add {@code x-amzn-query-error} as over AWS JSON.
 * Protocol-level refusals (unknown operation, undecodable body) name the shapes AWS's JSON front ends use.
 */
public final class RpcV2CborCodec implements WireCodec {
    public static final String CONTENT_TYPE = "application/cbor";
    public static final String PROTOCOL_HEADER = "smithy-protocol";
    public static final String PROTOCOL = "rpc-v2-cbor";
    private static final String FRAMEWORK_NAMESPACE = "com.amazon.coral.service";
    private static final Set<String> FRAMEWORK_ERRORS =
            Set.of("UnknownOperationException", "SerializationException", "InternalFailure");

    private final String namespace;
    private final boolean queryCompatible;

    RpcV2CborCodec(String serviceShapeId, boolean queryCompatible) {
        this.namespace = serviceShapeId == null || serviceShapeId.indexOf('#') < 0
                ? null : serviceShapeId.substring(0, serviceShapeId.indexOf('#'));
        this.queryCompatible = queryCompatible;
    }

    /** For refusals before a service is known: framework errors only. */
    public static WireCodec unscoped() {
        return new RpcV2CborCodec(null, false);
    }

    @Override
    public HttpResponse success(RequestContext ctx, JsonNode result, int status) {
        HttpResponse response = result == null ? HttpResponse.empty(status)
                : HttpResponse.of(status, CONTENT_TYPE, CborTrees.write(result));
        return response.withHeader(PROTOCOL_HEADER, PROTOCOL).withHeader("x-amzn-RequestId", ctx.requestId());
    }

    @Override
    public HttpResponse error(RequestContext ctx, AwsException error) {
        ObjectNode body = Json.object().put("__type", shapeId(error.jsonType()));
        if (error.getMessage() != null) {
            body.put("message", error.getMessage());
        }
        HttpResponse response = HttpResponse.of(error.status(), CONTENT_TYPE, CborTrees.write(body))
                .withHeader(PROTOCOL_HEADER, PROTOCOL)
                .withHeader("x-amzn-RequestId", ctx.requestId());
        return queryCompatible ? response.withHeader("x-amzn-query-error",
                error.code() + ";" + (error.senderFault() ? "Sender" : "Receiver")) : response;
    }

    private String shapeId(String type) {
        if (type.indexOf('#') >= 0) {
            return type;
        }
        if (FRAMEWORK_ERRORS.contains(type) || namespace == null) {
            return FRAMEWORK_NAMESPACE + "#" + type;
        }
        return namespace + "#" + type;
    }
}
