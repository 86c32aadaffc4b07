package io.selfheal.emulator.frontdoor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.core.authz.AuthorizationDecision;
import io.selfheal.emulator.http.HttpHandler;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.messages.ApiCallCompleted;
import io.selfheal.emulator.messages.ApiCallSelector;
import io.selfheal.emulator.protocol.SigV4Scope;
import io.selfheal.emulator.service.OperationSpec;
import io.selfheal.emulator.service.RawOperation;
import io.selfheal.emulator.service.ServiceRegistry;
import io.selfheal.emulator.service.StreamingBodyOperation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one handler behind the emulator's port: AWS calls, and the control API under {@code /_selfheal/} unless it is
 * off ({@code serve --aws-only}), when such a path is one more path no AWS operation answers.
 */
public final class FrontDoor implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(FrontDoor.class.getName());
    /** Bodies above this are decoded off the event loop (code uploads reach tens of megabytes). */
    private static final int INLINE_BODY_LIMIT = 256 * 1024;

    private final EmulatorContext context;
    private final DispatchResolver resolver;
    private final HttpHandler control;
    /** Which answered calls to hand to the bus (CloudTrail's management events); null when nothing records calls. */
    private final ApiCallSelector published;
    private final RequestAuthorizer authorizer;

    /** @param control the control API's handler, or null for none */
    public FrontDoor(EmulatorContext context, ServiceRegistry services, HttpHandler control) {
        this.context = context;
        this.resolver = new DispatchResolver(services);
        this.control = control;
        this.published = selector(context);
        this.authorizer = new RequestAuthorizer(context.component(Authorization.class));
    }

    /** Services are created before the front door, so a recording service has registered its selector by now. */
    private static ApiCallSelector selector(EmulatorContext context) {
        try {
            return context.component(ApiCallSelector.class);
        } catch (IllegalStateException noRecorder) {
            return null;
        }
    }

    /**
     * Runs on the event loop: small requests to non-blocking operations are answered right here; the control API,
     * large bodies and blocking operations move to the worker pool.
     */
    @Override
    public void handle(HttpRequest request, Consumer<HttpResponse> reply) {
        if (control != null && request.path().startsWith("/_selfheal/")) {
            context.workers().execute(() -> control.handle(request, reply));
        } else if (request.streamed() != null || request.body().length > INLINE_BODY_LIMIT) {
            context.workers().execute(() -> serve(request, reply, false));
        } else {
            serve(request, reply, true);
        }
    }

    /**
     * Streams the body of a request that an operation reads as it arrives ({@link StreamingBodyOperation}: S3 object
     * uploads); everything else is aggregated. Only a PUT is resolved twice (here on its head, then in full), and
     * the resolution reads no body. The streamed request then takes the same path as any other: authorization, the
     * call log, CloudTrail, request id and {@code Date}.
     */
    @Override
    public boolean streamsBody(HttpRequest head) {
        if (!"PUT".equals(head.method()) || control != null && head.path().startsWith("/_selfheal/")) {
            return false;
        }
        try {
            return resolver.resolve(head, SigV4Scope.of(head)).operation() instanceof StreamingBodyOperation;
        } catch (DispatchException | RuntimeException refused) {
            return false; // refused in full on the aggregated path, in the protocol's shape
        }
    }

    private void serve(HttpRequest request, Consumer<HttpResponse> reply, boolean onEventLoop) {
        long started = System.nanoTime();
        Instant now = context.clock().now();
        SigV4Scope scope = SigV4Scope.of(request);
        CallerIdentity caller = context.identities().resolve(scope.accessKeyId());
        String region = scope.region() == null || scope.region().isEmpty() ? context.defaultRegion() : scope.region();
        String requestId = context.ids().uuid("request");
        Dispatch dispatch;
        try {
            dispatch = resolver.resolve(request, scope);
        } catch (DispatchException refused) {
            RequestContext ctx = new RequestContext(requestId, region, caller,
                    refused.service() == null ? "unknown" : refused.service(), "Unknown", now, context.endpoint());
            HttpResponse response = refused.codec().error(ctx, refused.error());
            record(ctx, null, Json.object(), response.status(), refused.error().code(), started);
            reply.accept(dated(response, now));
            return;
        }
        RequestContext ctx = new RequestContext(requestId, region, caller,
                dispatch.service().descriptor().signingName(), dispatch.operationName(), now, context.endpoint());
        if (onEventLoop && dispatch.service().blocking(dispatch.operationName())) {
            Dispatch blocking = dispatch;
            context.workers().execute(() -> reply.accept(run(ctx, request, blocking, started)));
        } else {
            reply.accept(run(ctx, request, dispatch, started));
        }
    }

    private HttpResponse run(RequestContext ctx, HttpRequest request, Dispatch dispatch, long started) {
        HttpResponse response;
        String errorCode = null;
        String errorMessage = null;
        JsonNode result = null;
        try {
            if (context.identities().expired(ctx.caller().accessKeyId(), ctx.receivedAt())) {
                throw dispatch.service().expiredToken();
            }
            AuthorizationDecision denial = authorizer.denial(ctx, dispatch.spec(), dispatch.input(), sourceIp(request));
            if (denial != null) {
                throw dispatch.service().accessDenied(denial);
            }
            if (dispatch.operation() instanceof RawOperation raw) {
                response = dispatch.codec().raw(ctx, raw.handleRaw(ctx, request, dispatch.input()));
            } else {
                result = dispatch.operation().handle(ctx, dispatch.input());
                response = dispatch.codec().success(ctx, result, dispatch.successStatus());
            }
        } catch (AwsException e) {
            errorCode = e.code();
            errorMessage = e.getMessage();
            response = dispatch.codec().error(ctx, e);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.WARNING, "internal failure in " + ctx.service() + "." + ctx.operation(), e);
            AwsException failure = new AwsException("InternalFailure",
                    "The request processing has failed because of an unknown error, exception or failure.", 500, false);
            errorCode = failure.code();
            errorMessage = failure.getMessage();
            response = dispatch.codec().error(ctx, failure);
        }
        ApiCall call = record(ctx, dispatch.spec(), dispatch.input(), response.status(), errorCode, started);
        if (published != null && published.wants(dispatch.spec())) {
            // Only hands the data over: the CloudTrail record is built by the subscriber on a worker thread.
            context.bus().publish(new ApiCallCompleted(call, ctx.caller(), result, errorMessage,
                    request.header("User-Agent"), sourceIp(request)));
        }
        return dated(response, ctx.receivedAt());
    }

    /**
     * AWS answers every request with a {@code Date} header; here it is the emulator clock's, so a caller that reads
     * the time from the cloud (a function on the virtual clock, the SDKs' clock-skew correction) agrees with it.
     */
    /** RFC 9110's IMF-fixdate (two-digit day), which Java's RFC_1123_DATE_TIME does not pad. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US);

    private static HttpResponse dated(HttpResponse response, Instant now) {
        return response.withHeader("Date", HTTP_DATE.format(now.atOffset(ZoneOffset.UTC)));
    }

    /** The emulator listens on loopback; a proxy in front of it may say who the caller really was. */
    private static String sourceIp(HttpRequest request) {
        String forwarded = request.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return "127.0.0.1";
        }
        int comma = forwarded.indexOf(',');
        return (comma < 0 ? forwarded : forwarded.substring(0, comma)).trim();
    }

    /** @param spec the operation's registration, null when the request named none */
    private ApiCall record(RequestContext ctx, OperationSpec spec, ObjectNode input, int status, String errorCode,
                           long startedNanos) {
        ApiCall call = new ApiCall(ctx.receivedAt(), ctx.requestId(), ctx.accountId(), ctx.region(),
                ctx.service(), ctx.operation(), ctx.caller().arn(), LoggedParameters.of(input, status >= 400), status,
                errorCode, (System.nanoTime() - startedNanos) / 1000, spec != null && spec.readOnly(),
                spec == null ? null : spec.iamAction());
        context.callLog().record(call);
        return call;
    }
}
