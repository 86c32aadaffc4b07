package io.selfheal.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpResponse;

/**
 * AWS query: {@code <OpResponse><OpResult>…</OpResult><ResponseMetadata><RequestId>} and
 * {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}.
 *
 * <p>Every operation with an output has its {@code <OpResult>}, empty when nothing is in it (an empty receive, no
 * queues): AWS always sends it and botocore looks it up by name (the AWS CLI 2.9 fails with
 * {@code 'ReceiveMessageResult'} without it). An operation without an output (DeleteQueue, SetAlarmState …) answers
 * null and gets no result element, as on AWS.
 */
final class QueryCodec implements WireCodec {
    private static final String XML = "text/xml";
    private final String namespace;

    QueryCodec(String namespace) {
        this.namespace = namespace;
    }

    @Override
    public HttpResponse success(RequestContext ctx, JsonNode result, int status) {
        String op = ctx.operation();
        XmlWriter xml = new XmlWriter("member").open(op + "Response", namespace);
        if (result != null) {
            xml.open(op + "Result").fields(result).close(op + "Result");
        }
        xml.open("ResponseMetadata").text("RequestId", ctx.requestId()).close("ResponseMetadata");
        xml.close(op + "Response");
        return HttpResponse.of(status, XML, xml.toString()).withHeader("x-amzn-RequestId", ctx.requestId());
    }

    @Override
    public HttpResponse error(RequestContext ctx, AwsException error) {
        XmlWriter xml = new XmlWriter("member").open("ErrorResponse", namespace)
                .open("Error")
                .text("Type", error.senderFault() ? "Sender" : "Receiver")
                .text("Code", error.code())
                .text("Message", error.getMessage())
                .close("Error")
                .text("RequestId", ctx.requestId())
                .close("ErrorResponse");
        return HttpResponse.of(error.status(), XML, xml.toString()).withHeader("x-amzn-RequestId", ctx.requestId());
    }
}
