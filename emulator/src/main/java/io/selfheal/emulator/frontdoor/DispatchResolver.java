package io.selfheal.emulator.frontdoor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.ParseErrors;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.http.MalformedRequestException;
import io.selfheal.emulator.protocol.FormTree;
import io.selfheal.emulator.protocol.Protocol;
import io.selfheal.emulator.protocol.RpcV2CborCodec;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.protocol.SigV4Scope;
import io.selfheal.emulator.protocol.WireCodec;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.Operation;
import io.selfheal.emulator.service.RequestRouter;
import io.selfheal.emulator.service.RestRoute;
import io.selfheal.emulator.service.ServiceRegistry;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the service and operation for a request and decodes its input; refuses in the protocol's own words. */
final class DispatchResolver {
    private static final WireCodec JSON_ERRORS = WireCodec.of(ServiceDescriptor.json11("unknown", null));
    private static final WireCodec QUERY_ERRORS = WireCodec.of(ServiceDescriptor.query("unknown", null));
    private static final WireCodec REST_ERRORS = WireCodec.of(ServiceDescriptor.restJson("unknown"));

    private final ServiceRegistry services;
    private final Map<ServiceDescriptor, WireCodec> codecs = new LinkedHashMap<>();
    private final RpcV2CborResolver cbor;

    DispatchResolver(ServiceRegistry services) {
        this.services = services;
        for (AwsService service : services.all()) {
            for (ServiceDescriptor d : service.protocols()) {
                codecs.put(d, WireCodec.of(d));
            }
        }
        this.cbor = new RpcV2CborResolver(services.all());
    }

    private WireCodec codec(ServiceDescriptor descriptor) {
        return codecs.get(descriptor);
    }

    Dispatch resolve(HttpRequest request, SigV4Scope scope) throws DispatchException {
        if (request.malformed() != null) {
            throw malformed(request, scope, request.malformed());
        }
        if (RpcV2CborResolver.speaks(request)) {
            return inScope(cbor.resolve(request), scope, false);
        }
        String target = request.header("X-Amz-Target");
        if (target != null) {
            return inScope(resolveJson(request, target), scope, false);
        }
        AwsService routing = services.bySigningName(scope.service());
        if (routing != null && routing.router() != null) {
            return inScope(resolveRouted(routing, request), scope, false);
        }
        Map<String, String> form;
        try {
            form = formParameters(request);
        } catch (MalformedRequestException e) {
            throw malformed(request, scope, e.getMessage());
        }
        if (form.containsKey("Action")) {
            return inScope(resolveQuery(form, scope), scope, true);
        }
        AwsService signed = services.bySigningName(scope.service());
        if (signed != null && services.queryDescriptor(signed) != null && restDescriptor(signed) == null) {
            // Signed for a service that has no REST routes, yet no Action: whatever the content type, refused as its
            // query protocol does: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html
            throw new DispatchException(codec(services.queryDescriptor(signed)), AwsException.badRequest(
                    "MissingAction", "The request is missing an action or a required parameter."), scope.service());
        }
        return inScope(resolveRest(request, scope), scope, false);
    }

    /**
     * One endpoint answers every region, so AWS's own check that the credential scope names the endpoint's region
     * becomes: the scope names a region at all. Else a client could open a store per made-up region.
     */
    private static Dispatch inScope(Dispatch dispatch, SigV4Scope scope, boolean query) throws DispatchException {
        if (scope.regionValid()) {
            return dispatch;
        }
        String message = "Credential should be scoped to a valid region, not '" + scope.region() + "'. ";
        throw new DispatchException(dispatch.codec(), new AwsException(
                query ? "SignatureDoesNotMatch" : "InvalidSignatureException", message, 403),
                dispatch.service().descriptor().signingName());
    }

    /**
     * A request whose URI or body encoding is malformed, refused in the shape its headers announce: query protocols
     * say {@code MalformedQueryString} (a common error of every query service), JSON and CBOR
     * {@code SerializationException}, REST-JSON {@code InvalidRequestContentException}.
     */
    private DispatchException malformed(HttpRequest request, SigV4Scope scope, String reason) {
        if (RpcV2CborResolver.speaks(request)) {
            return new DispatchException(RpcV2CborCodec.unscoped(),
                    AwsException.badRequest("SerializationException", reason), scope.service());
        }
        String target = request.header("X-Amz-Target");
        if (target != null) {
            int dot = target.lastIndexOf('.');
            ServiceDescriptor json = services.descriptorForTargetPrefix(dot < 0 ? target : target.substring(0, dot));
            return new DispatchException(json == null ? JSON_ERRORS : codec(json),
                    AwsException.badRequest("SerializationException", reason), scope.service());
        }
        AwsService signed = services.bySigningName(scope.service());
        if (signed != null && signed.router() != null) {
            // S3 has no protocol-level code for this; its closest common error is the 400 InvalidRequest.
            return new DispatchException(codec(signed.descriptor()),
                    AwsException.badRequest("InvalidRequest", reason), scope.service());
        }
        ServiceDescriptor query = signed == null ? null : services.queryDescriptor(signed);
        if (query != null || request.contentType().startsWith("application/x-www-form-urlencoded")) {
            // https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html
            return new DispatchException(query == null ? QUERY_ERRORS : codec(query),
                    new AwsException("MalformedQueryString", reason, 404), scope.service());
        }
        ServiceDescriptor rest = signed == null ? null : restDescriptor(signed);
        return new DispatchException(rest == null ? REST_ERRORS : codec(rest),
                AwsException.badRequest("InvalidRequestContentException", reason), scope.service());
    }

    private Dispatch resolveJson(HttpRequest request, String target) throws DispatchException {
        int dot = target.lastIndexOf('.');
        String prefix = dot < 0 ? target : target.substring(0, dot);
        String opName = dot < 0 ? "" : target.substring(dot + 1);
        AwsService service = services.byTargetPrefix(prefix);
        if (service == null) {
            throw new DispatchException(JSON_ERRORS, AwsException.badRequest("UnknownOperationException",
                    "No service answers the target " + target + "."), null);
        }
        WireCodec codec = codec(services.descriptorForTargetPrefix(prefix));
        Operation op = service.operations().get(opName);
        if (op == null) {
            throw new DispatchException(codec, AwsException.badRequest("UnknownOperationException",
                    "The operation " + opName + " is not supported by " + prefix + "."), signing(service));
        }
        ObjectNode input;
        if (request.body().length == 0) {
            input = Json.object();
        } else {
            JsonNode parsed;
            try {
                parsed = Json.parse(request.body());
            } catch (IOException e) {
                throw new DispatchException(codec, AwsException.badRequest("SerializationException",
                        "The request body is not valid JSON: " + ParseErrors.describe(e) + "."), signing(service));
            }
            if (!(parsed instanceof ObjectNode object)) {
                throw new DispatchException(codec, AwsException.badRequest("SerializationException",
                        "Start of structure or map found where not expected: the request body must be a JSON object."),
                        signing(service));
            }
            input = object;
        }
        return new Dispatch(service, opName, op, input, 200, codec);
    }

    private Dispatch resolveQuery(Map<String, String> form, SigV4Scope scope) throws DispatchException {
        String action = form.get("Action");
        AwsService service = services.bySigningName(scope.service());
        if (service == null || services.queryDescriptor(service) == null) {
            List<AwsService> offering = services.queryServicesWithAction(action);
            service = offering.size() == 1 ? offering.get(0) : null;
        }
        if (service == null) {
            throw new DispatchException(QUERY_ERRORS, AwsException.badRequest("InvalidAction",
                    "The action " + action + " is not valid for this web service."), scope.service());
        }
        WireCodec codec = codec(services.queryDescriptor(service));
        Operation op = service.operations().get(action);
        if (op == null) {
            throw new DispatchException(codec, AwsException.badRequest("InvalidAction",
                    "The action " + action + " is not valid for this web service."), signing(service));
        }
        ObjectNode input;
        try {
            input = FormTree.of(form);
        } catch (MalformedRequestException e) {
            throw new DispatchException(codec, new AwsException("MalformedQueryString", e.getMessage(), 404),
                    signing(service));
        }
        return new Dispatch(service, action, op, input, 200, queryShaped(service, codec));
    }

    private Dispatch resolveRouted(AwsService service, HttpRequest request) throws DispatchException {
        WireCodec codec = codec(service.descriptor());
        RequestRouter.Routed routed;
        try {
            routed = service.router().route(request);
        } catch (AwsException refused) {
            throw new DispatchException(codec, refused, signing(service));
        }
        Operation op = service.operations().get(routed.operation());
        if (op == null) {
            // AWS answers 501 NotImplemented only for what S3 itself lacks; what we do not emulate is the caller's
            // 400, so a client never mistakes it for an outage and retries.
            throw new DispatchException(codec, AwsException.badRequest("InvalidRequest",
                    "The emulator does not implement " + routed.operation() + "."), signing(service));
        }
        return new Dispatch(service, routed.operation(), op, routed.input(), 200, codec);
    }

    /** Lets the service reshape its JSON-shaped results for the query protocol (see AwsService#queryResult). */
    private static WireCodec queryShaped(AwsService service, WireCodec codec) {
        return new WireCodec() {
            @Override
            public HttpResponse success(RequestContext ctx, JsonNode result, int status) {
                return codec.success(ctx, result == null ? null : service.queryResult(ctx.operation(), result), status);
            }

            @Override
            public HttpResponse error(RequestContext ctx, AwsException error) {
                return codec.error(ctx, error);
            }
        };
    }

    private Dispatch resolveRest(HttpRequest request, SigV4Scope scope) throws DispatchException {
        AwsService preferred = services.bySigningName(scope.service());
        if (preferred != null) {
            Dispatch d = matchRoutes(preferred, request);
            if (d != null) {
                return d;
            }
        }
        for (AwsService service : services.all()) {
            if (service != preferred) {
                Dispatch d = matchRoutes(service, request);
                if (d != null) {
                    return d;
                }
            }
        }
        WireCodec codec = preferred != null && restDescriptor(preferred) != null
                ? codec(restDescriptor(preferred)) : REST_ERRORS;
        throw new DispatchException(codec, new AwsException("UnknownOperationException",
                "No operation answers " + request.method() + " " + request.path() + ".", 404), scope.service());
    }

    private Dispatch matchRoutes(AwsService service, HttpRequest request) throws DispatchException {
        for (RestRoute route : service.routes()) {
            Map<String, String> labels = route.match(request.method(), request.path());
            if (labels == null) {
                continue;
            }
            Operation op = service.operations().get(route.operation());
            WireCodec codec = codec(restDescriptor(service));
            ObjectNode input = Json.object();
            boolean jsonBody = request.body().length > 0 && !(op instanceof io.selfheal.emulator.service.RawOperation);
            if (jsonBody) {
                try {
                    JsonNode parsed = Json.parse(request.body());
                    if (!(parsed instanceof ObjectNode object)) {
                        throw new IOException("the body is not a JSON object");
                    }
                    input = object;
                } catch (IOException e) {
                    throw new DispatchException(codec, AwsException.badRequest("InvalidRequestContentException",
                            "Could not parse request body into json: " + ParseErrors.describe(e) + "."),
                            signing(service));
                }
            }
            ObjectNode finalInput = input;
            request.query().forEach(finalInput::put);
            labels.forEach(finalInput::put);
            return new Dispatch(service, route.operation(), op, finalInput, route.successStatus(), codec);
        }
        return null;
    }

    private static Map<String, String> formParameters(HttpRequest request) {
        if (request.contentType().startsWith("application/x-www-form-urlencoded")) {
            Map<String, String> params = new LinkedHashMap<>(request.query());
            params.putAll(HttpRequest.parseForm(request.bodyText()));
            return params;
        }
        if (request.method().equals("GET") && request.query().containsKey("Action")) {
            return request.query();
        }
        return Map.of();
    }

    private static ServiceDescriptor restDescriptor(AwsService service) {
        for (ServiceDescriptor d : service.protocols()) {
            if (d.protocol() == Protocol.REST_JSON) {
                return d;
            }
        }
        return null;
    }

    private static String signing(AwsService service) {
        return service.descriptor().signingName();
    }
}
