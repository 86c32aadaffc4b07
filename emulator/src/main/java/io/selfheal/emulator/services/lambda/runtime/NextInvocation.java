package io.selfheal.emulator.services.lambda.runtime;

import io.selfheal.emulator.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** The answer to a runtime's {@code GET /2018-06-01/runtime/invocation/next}: the event and its headers. */
final class NextInvocation {
    private NextInvocation() {
    }

    static HttpResponse response(Invocation invocation, SandboxSpec spec) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        // The RIC's native client needs all four of these on every next: without one it fails (or crashes).
        headers.put("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.put("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + spec.timeoutSeconds() * 1000L));
        headers.put("Lambda-Runtime-Invoked-Function-Arn", spec.functionArn());
        headers.put("Lambda-Runtime-Trace-Id", traceId());
        if (invocation.clientContext() != null) {
            headers.put("Lambda-Runtime-Client-Context", invocation.clientContext());
        }
        return new HttpResponse(200, headers, invocation.payload());
    }

    /** An X-Ray trace header in AWS's format (not sampled: there is no X-Ray here). */
    static String traceId() {
        return "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-" + randomHex(24)
                + ";Parent=" + randomHex(16) + ";Sampled=0";
    }

    static String randomHex(int length) {
        StringBuilder sb = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }
}
