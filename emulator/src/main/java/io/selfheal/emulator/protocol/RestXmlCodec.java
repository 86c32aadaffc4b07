package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpResponse;

/**
 * REST-XML as S3 answers: operations write their own responses (headers and XML bodies), so this codec renders
 * errors, {@code <Error><Code/><Message/>[details]<RequestId/><HostId/></Error>}, the shape in "Error responses" of the
 * S3 API reference (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html). HEAD requests get no body
 * there; the status and {@code x-amz-request-id} still tell the client.
 */
final class RestXmlCodec implements WireCodec {
    private static final String XML = "application/xml";

    @Override
    public HttpResponse success(RequestContext ctx, JsonNode result, int status) {
        HttpResponse response = result == null ? HttpResponse.empty(status)
                : HttpResponse.of(status, XML, new XmlWriter("member").fields(result).toString());
        return withIds(response, ctx);
    }

    @Override
    public HttpResponse error(RequestContext ctx, AwsException error) {
        XmlWriter xml = new XmlWriter("member").open("Error")
                .text("Code", error.code())
                .text("Message", error.getMessage());
        error.fields().forEach(xml::text);
        xml.text("RequestId", ctx.requestId()).text("HostId", hostId(ctx)).close("Error");
        return withIds(HttpResponse.of(error.status(), XML, xml.toString()), ctx);
    }

    /** S3's operations answer for themselves; the SDKs read the request id from {@code x-amz-request-id}. */
    @Override
    public HttpResponse raw(RequestContext ctx, HttpResponse response) {
        return withIds(response, ctx);
    }

    private static HttpResponse withIds(HttpResponse response, RequestContext ctx) {
        return response.withHeader("x-amz-request-id", ctx.requestId()).withHeader("x-amz-id-2", hostId(ctx));
    }

    /** S3's extended request id: opaque to clients, here derived from the request id. */
    static String hostId(RequestContext ctx) {
        return java.util.Base64.getEncoder().encodeToString(ctx.requestId().getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }
}
