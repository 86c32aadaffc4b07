package io.selfheal.emulator.services.lambda.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Ends its own process mid-invocation, as a crash (out of memory, native failure) does. */
public class ExitingHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        System.out.println("exiting");
        Runtime.getRuntime().halt(3);
        return "unreachable";
    }
}
