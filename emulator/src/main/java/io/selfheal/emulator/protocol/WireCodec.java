package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpResponse;

/** Renders an operation's result or error in one protocol's shapes. */
public interface WireCodec {
    HttpResponse success(RequestContext ctx, JsonNode result, int status);

    HttpResponse error(RequestContext ctx, AwsException error);

    /** A raw operation's own answer, with the request id where the protocol's clients read it. */
    default HttpResponse raw(RequestContext ctx, HttpResponse response) {
        return response.withHeader("x-amzn-RequestId", ctx.requestId());
    }

    static WireCodec of(ServiceDescriptor descriptor) {
        return switch (descriptor.protocol()) {
            case AWS_JSON_1_0 -> new AwsJsonCodec("1.0", descriptor.queryCompatible());
            case AWS_JSON_1_1 -> new AwsJsonCodec("1.1", descriptor.queryCompatible());
            case QUERY -> new QueryCodec(descriptor.xmlNamespace());
            case EC2_QUERY -> new Ec2QueryCodec(descriptor.xmlNamespace());
            case REST_JSON -> new RestJsonCodec();
            case REST_XML -> new RestXmlCodec();
            case RPC_V2_CBOR -> new RpcV2CborCodec(descriptor.serviceShapeId(), descriptor.queryCompatible());
        };
    }
}
