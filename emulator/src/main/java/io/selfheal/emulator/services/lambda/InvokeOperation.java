package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import io.selfheal.emulator.service.RawOperation;
import io.selfheal.emulator.services.lambda.runtime.InvocationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;

/**
 * Invoke: the payload is the raw body, the answer the function's raw response with Lambda's headers
 * ({@code X-Amz-Function-Error}, {@code X-Amz-Log-Result}, {@code X-Amz-Executed-Version}).
 * RequestResponse waits for the function (on an HTTP worker thread); Event queues and answers 202; DryRun only
 * checks. Callers of the function's own account may invoke; other accounts need a policy statement.
 */
final class InvokeOperation implements RawOperation {
    static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    static final int MAX_ASYNC_PAYLOAD = 1024 * 1024;
    private static final int TAIL_BYTES = 4096;
    private static final Set<String> TYPES = Set.of("RequestResponse", "Event", "DryRun");
    private static final Set<String> LOG_TYPES = Set.of("None", "Tail");

    private final FunctionRegistry functions;
    private final Invoker invoker;

    InvokeOperation(FunctionRegistry functions, Invoker invoker) {
        this.functions = functions;
        this.invoker = invoker;
    }

    @Override
    public HttpResponse handleRaw(RequestContext ctx, HttpRequest request, ObjectNode input) {
        String type = header(request, "X-Amz-Invocation-Type", "RequestResponse");
        if (!TYPES.contains(type)) {
            throw LambdaErrors.validation("invocationType", type,
                    "Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
        }
        String logType = header(request, "X-Amz-Log-Type", "None");
        if (!LOG_TYPES.contains(logType)) {
            throw LambdaErrors.validation("logType", logType, "Member must satisfy enum value set: [None, Tail]");
        }
        FunctionRef ref = FunctionRef.parse(text(input, "FunctionName"));
        LambdaFunction function = functions.require(ctx, ref, text(input, "Qualifier"));
        authorize(ctx, function);
        byte[] payload = payload(request.body(), type.equals("Event") ? MAX_ASYNC_PAYLOAD : MAX_SYNC_PAYLOAD);
        String clientContext = clientContext(request.header("X-Amz-Client-Context"));
        return switch (type) {
            case "DryRun" -> HttpResponse.empty(204);
            case "Event" -> {
                invoker.invokeAsync(function, ctx.requestId(), ctx.caller().arn(), payload, clientContext);
                yield HttpResponse.empty(202);
            }
            default -> {
                InvocationResult result = invoker.invoke(function, ctx.requestId(), type, ctx.caller().arn(),
                        payload, clientContext).join();
                HttpResponse response = HttpResponse.of(200, "application/json", result.payload())
                        .withHeader("X-Amz-Executed-Version", "$LATEST");
                if (result.failed()) {
                    response = response.withHeader("X-Amz-Function-Error", "Unhandled");
                }
                if (logType.equals("Tail")) {
                    response = response.withHeader("X-Amz-Log-Result", tail(result.logs()));
                }
                yield response;
            }
        };
    }

    static AwsException tooLarge(int limit) {
        return new AwsException("RequestTooLargeException",
                "Request must be smaller than " + limit + " bytes for the InvokeFunction operation", 413);
    }

    /** The same account may always invoke; another account only with a statement for it. */
    private static void authorize(RequestContext ctx, LambdaFunction function) {
        if (!ctx.accountId().equals(function.accountId())
                && !function.policy().allowsCaller(ctx.caller().principal(), function.arn())) {
            throw LambdaErrors.accessDenied(ctx.caller().arn(), "lambda:InvokeFunction", function.arn());
        }
    }

    /** Lambda takes JSON only; an empty body is the empty object. */
    private static byte[] payload(byte[] body, int limit) {
        if (body.length > limit) {
            throw tooLarge(limit);
        }
        if (body.length == 0) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        try {
            Json.parse(body);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw AwsException.badRequest("InvalidRequestContentException",
                    "Could not parse request body into json: Could not parse payload into json: " + reason);
        }
        return body;
    }

    private static String clientContext(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        try {
            String json = new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
            Json.parse(json);
            return json;
        } catch (IllegalArgumentException | IOException e) {
            throw AwsException.badRequest("InvalidRequestContentException",
                    "Client context must be a valid Base64-encoded JSON object.");
        }
    }

    /** The last 4 KB of the invocation's log, base64, as {@code LogType: Tail} returns it. */
    private static String tail(String logs) {
        byte[] bytes = (logs == null ? "" : logs).getBytes(StandardCharsets.UTF_8);
        byte[] last = bytes.length <= TAIL_BYTES ? bytes : Arrays.copyOfRange(bytes, bytes.length - TAIL_BYTES,
                bytes.length);
        return Base64.getEncoder().encodeToString(last);
    }

    private static String header(HttpRequest request, String name, String fallback) {
        String value = request.header(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static String text(ObjectNode input, String field) {
        var n = input.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
