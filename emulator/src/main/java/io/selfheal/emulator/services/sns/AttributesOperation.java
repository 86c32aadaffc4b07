package io.selfheal.emulator.services.sns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.protocol.XmlWriter;
import io.selfheal.emulator.service.RawOperation;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Get…Attributes answer a query-protocol map ({@code <Attributes><entry><key/><value/></entry>}), which a JSON
 * tree cannot tell from a structure; so these two operations write their XML themselves.
 */
final class AttributesOperation implements RawOperation {
    private final BiFunction<RequestContext, ObjectNode, Map<String, String>> handler;

    AttributesOperation(BiFunction<RequestContext, ObjectNode, Map<String, String>> handler) {
        this.handler = handler;
    }

    @Override
    public HttpResponse handleRaw(RequestContext ctx, HttpRequest request, ObjectNode input) {
        Map<String, String> attributes = handler.apply(ctx, input);
        String op = ctx.operation();
        XmlWriter xml = new XmlWriter("member").open(op + "Response", SnsService.NAMESPACE)
                .open(op + "Result").open("Attributes");
        attributes.forEach((k, v) -> xml.open("entry").text("key", k).text("value", v).close("entry"));
        xml.close("Attributes").close(op + "Result")
                .open("ResponseMetadata").text("RequestId", ctx.requestId()).close("ResponseMetadata")
                .close(op + "Response");
        return HttpResponse.of(200, "text/xml", xml.toString());
    }
}
