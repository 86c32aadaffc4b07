package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpResponse;

/**
 * EC2 query: {@code <OpResponse xmlns><requestId/>…</OpResponse>} with {@code <item>} lists, and errors as
 * {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}.
 */
final class Ec2QueryCodec implements WireCodec {
    private static final String XML = "text/xml;charset=UTF-8";
    private final String namespace;

    Ec2QueryCodec(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public HttpResponse success(RequestContext ctx, JsonNode result, int status) {
        String op = ctx.operation();
        XmlWriter xml = new XmlWriter("item").open(op + "Response", namespace)
                .text("requestId", ctx.requestId())
                .fields(result)
                .close(op + "Response");
        return HttpResponse.of(status, XML, xml.toString());
    }

    @Override
    public HttpResponse error(RequestContext ctx, AwsException error) {
        XmlWriter xml = new XmlWriter("item").open("Response")
                .open("Errors").open("Error")
                .text("Code", error.code())
                .text("Message", error.getMessage())
                .close("Error").close("Errors")
                .text("RequestID", ctx.requestId())
                .close("Response");
        return HttpResponse.of(error.status(), XML, xml.toString());
    }
}
