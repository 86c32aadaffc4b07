package io.selfheal.emulator.services.lambda.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Fails while the runtime loads it (a static initializer throws): an init error, before any invocation. */
public class BrokenInitHandler implements RequestHandler<Map<String, Object>, String> {
    static {
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null) {
            throw new IllegalStateException("missing configuration");
        }
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        return "never";
    }
}
