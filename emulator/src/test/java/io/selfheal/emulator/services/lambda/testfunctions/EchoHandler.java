package io.selfheal.emulator.services.lambda.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Returns its input with what tells sandboxes apart: the process id and a per-process call counter. */
public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("input", input);
        out.put("pid", ProcessHandle.current().pid());
        out.put("calls", CALLS.incrementAndGet());
        out.put("requestId", context.getAwsRequestId());
        out.put("functionName", context.getFunctionName());
        out.put("invokedFunctionArn", context.getInvokedFunctionArn());
        out.put("remainingMs", context.getRemainingTimeInMillis());
        out.put("memoryLimitMb", context.getMemoryLimitInMB());
        return out;
    }
}
