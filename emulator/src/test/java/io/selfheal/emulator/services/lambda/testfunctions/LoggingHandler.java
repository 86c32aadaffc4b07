package io.selfheal.emulator.services.lambda.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Writes to stdout, stderr and the Lambda logger, each line tagged with the input's {@code tag}. */
public class LoggingHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        Object tag = input.get("tag");
        System.out.println("stdout " + tag);
        System.err.println("stderr " + tag);
        context.getLogger().log("logger " + tag + "\n");
        return "logged " + tag;
    }
}
