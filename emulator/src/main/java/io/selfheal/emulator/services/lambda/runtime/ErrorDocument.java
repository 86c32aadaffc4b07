package io.selfheal.emulator.services.lambda.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A function error as the caller receives it: the runtime's own document ({@code {"errorMessage", "errorType",
 * "stackTrace"}}, passed through byte for byte) or one the platform writes ({@code Sandbox.Timedout},
 * {@code Runtime.ExitError}).
 */
record ErrorDocument(String type, String message, byte[] json) {
    static final String OUT_OF_MEMORY = "Runtime.OutOfMemory";

    /** What the runtime posted to {@code …/error} or {@code init/error}; the header names the type if the body can't. */
    static ErrorDocument posted(byte[] body, String typeHeader) {
        try {
            JsonNode doc = Json.parse(body);
            String type = text(doc, "errorType");
            return new ErrorDocument(type != null ? type : orUnknown(typeHeader), text(doc, "errorMessage"), body);
        } catch (IOException | RuntimeException e) {
            return platform(orUnknown(typeHeader), new String(body, StandardCharsets.UTF_8));
        }
    }

    static ErrorDocument platform(String type, String message) {
        return new ErrorDocument(type, message,
                Json.bytes(Json.object().put("errorType", type).put("errorMessage", message)));
    }

    static ErrorDocument timedOut(String requestId, int timeoutSeconds) {
        return platform("Sandbox.Timedout",
                "RequestId: " + requestId + " Error: " + PlatformLog.timeoutMessage(timeoutSeconds));
    }

    static ErrorDocument exited(String requestId, String how) {
        return platform("Runtime.ExitError", "RequestId: " + requestId + " Error: Runtime exited with error: " + how);
    }

    /**
     * A process killed for passing its MemorySize: the kernel's SIGKILL, in the words of a Runtime.ExitError
     * (https://repost.aws/knowledge-center/lambda-runtime-error: "Runtime exited with error: …"), typed
     * {@code Runtime.OutOfMemory} as current Lambda logs show beside "Status: error" in the REPORT line (public
     * reports, e.g. https://github.com/nasa-gcn/gcn.nasa.gov/pull/3628; AWS's docs name no type for it).
     */
    static ErrorDocument outOfMemory(String requestId) {
        return platform(OUT_OF_MEMORY, "RequestId: " + requestId
                + " Error: Runtime exited with error: signal: killed");
    }

    private static String text(JsonNode doc, String field) {
        JsonNode n = doc == null ? null : doc.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static String orUnknown(String type) {
        return type == null || type.isEmpty() ? "Runtime.Unknown" : type;
    }
}
