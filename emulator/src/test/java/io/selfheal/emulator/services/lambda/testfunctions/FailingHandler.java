package io.selfheal.emulator.services.lambda.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Throws, as a remediation does when the call it makes is refused. */
public class FailingHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        throw new IllegalStateException("refused: " + input.get("reason"));
    }
}
