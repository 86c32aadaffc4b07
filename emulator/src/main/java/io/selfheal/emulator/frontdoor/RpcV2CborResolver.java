package io.selfheal.emulator.frontdoor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.ParseErrors;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.protocol.CborTrees;
import io.selfheal.emulator.protocol.Protocol;
import io.selfheal.emulator.protocol.RpcV2CborCodec;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.protocol.WireCodec;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.Operation;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Routes Smithy RPC v2 CBOR requests: {@code POST {prefix?}/service/<Service>/operation/<Op>} with
 * {@code smithy-protocol: rpc-v2-cbor}. As the spec says, only the last four path segments route, the service segment
 * may be the shape name or the absolute shape ID with {@code #} as {@code .}, the operation segment only the name, and
 * a request that also carries {@code X-Amz-Target} is malformed.
 */
final class RpcV2CborResolver {
    private static final WireCodec UNSCOPED = RpcV2CborCodec.unscoped();

    private record Target(AwsService service, WireCodec codec) {
    }

    private final Map<String, Target> byServiceName = new HashMap<>();

    RpcV2CborResolver(Iterable<AwsService> services) {
        for (AwsService service : services) {
            for (ServiceDescriptor d : service.protocols()) {
                if (d.protocol() == Protocol.RPC_V2_CBOR) {
                    Target target = new Target(service, WireCodec.of(d));
                    byServiceName.put(d.serviceName(), target);
                    byServiceName.put(d.serviceShapeId().replace('#', '.'), target);
                }
            }
        }
    }

    /** Whether the request says it speaks RPC v2 CBOR; such requests are answered in it, or refused in it. */
    static boolean speaks(HttpRequest request) {
        return RpcV2CborCodec.PROTOCOL.equalsIgnoreCase(request.header(RpcV2CborCodec.PROTOCOL_HEADER));
    }

    Dispatch resolve(HttpRequest request) throws DispatchException {
        String[] segments = request.path().split("/");
        int n = segments.length;
        if (n < 4 || !segments[n - 4].equals("service") || !segments[n - 2].equals("operation")) {
            throw new DispatchException(UNSCOPED, new AwsException("UnknownOperationException",
                    "An rpc-v2-cbor request goes to /service/<Service>/operation/<Operation>, not "
                            + request.path() + ".", 404), null);
        }
        Target target = byServiceName.get(segments[n - 3]);
        if (target == null) {
            throw new DispatchException(UNSCOPED, new AwsException("UnknownOperationException",
                    "No service answers " + segments[n - 3] + " in rpc-v2-cbor.", 404), null);
        }
        String signing = target.service().descriptor().signingName();
        if (!request.method().equals("POST")) {
            throw new DispatchException(target.codec(), new AwsException("UnknownOperationException",
                    "rpc-v2-cbor requests are POSTs, not " + request.method() + ".", 405), signing);
        }
        if (request.header("X-Amz-Target") != null || request.header("X-Amzn-Target") != null) {
            throw new DispatchException(target.codec(), AwsException.badRequest("SerializationException",
                    "An rpc-v2-cbor request must not carry an X-Amz-Target header."), signing);
        }
        String opName = segments[n - 1];
        Operation op = target.service().operations().get(opName);
        if (op == null) {
            throw new DispatchException(target.codec(), AwsException.badRequest("UnknownOperationException",
                    "The operation " + opName + " is not supported by " + segments[n - 3] + "."), signing);
        }
        ObjectNode input;
        try {
            input = CborTrees.readInput(request.body());
        } catch (IOException e) {
            throw new DispatchException(target.codec(), AwsException.badRequest("SerializationException",
                    "The request body is not a CBOR map: " + ParseErrors.describe(e) + "."), signing);
        }
        return new Dispatch(target.service(), opName, op, input, 200, target.codec());
    }
}
