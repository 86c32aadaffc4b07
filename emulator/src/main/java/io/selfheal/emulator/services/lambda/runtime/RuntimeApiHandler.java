package io.selfheal.emulator.services.lambda.runtime;

import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.http.HttpHandler;
import io.selfheal.emulator.http.HttpRequest;
import io.selfheal.emulator.http.HttpResponse;
import java.util.function.Consumer;

/**
 * One sandbox's Lambda Runtime API ({@code AWS_LAMBDA_RUNTIME_API}): the routes the RIC calls, passed to its
 * {@link Sandbox}. {@code next} is a long poll: the sandbox keeps the reply and answers when it has work, so no
 * thread waits.
 */
final class RuntimeApiHandler implements HttpHandler {
    private static final String BASE = "/2018-06-01/runtime/";
    private static final String INVOCATION = BASE + "invocation/";
    private static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

    private final Sandbox sandbox;

    RuntimeApiHandler(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    @Override
    public void handle(HttpRequest request, Consumer<HttpResponse> reply) {
        String path = request.path();
        boolean post = request.method().equals("POST");
        if (request.method().equals("GET") && path.equals(INVOCATION + "next")) {
            sandbox.onNext(reply);
        } else if (post && path.equals(BASE + "init/error")) {
            sandbox.onInitError(ErrorDocument.posted(request.body(), request.header(ERROR_TYPE_HEADER)));
            reply.accept(accepted());
        } else if (post && path.startsWith(INVOCATION) && path.endsWith("/response")) {
            String id = path.substring(INVOCATION.length(), path.length() - "/response".length());
            reply.accept(sandbox.onResponse(id, request.body()) ? accepted() : invalidRequestId(id));
        } else if (post && path.startsWith(INVOCATION) && path.endsWith("/error")) {
            String id = path.substring(INVOCATION.length(), path.length() - "/error".length());
            ErrorDocument error = ErrorDocument.posted(request.body(), request.header(ERROR_TYPE_HEADER));
            reply.accept(sandbox.onError(id, error) ? accepted() : invalidRequestId(id));
        } else {
            reply.accept(error(404, "NotFound", "No Runtime API route " + request.method() + " " + path));
        }
    }

    private static HttpResponse accepted() {
        return HttpResponse.of(202, "application/json", "{\"status\":\"OK\"}");
    }

    private static HttpResponse invalidRequestId(String id) {
        return error(400, "InvalidRequestID", "Invalid request ID: " + id);
    }

    private static HttpResponse error(int status, String type, String message) {
        return HttpResponse.of(status, "application/json",
                Json.bytes(Json.object().put("errorMessage", message).put("errorType", type)));
    }
}
