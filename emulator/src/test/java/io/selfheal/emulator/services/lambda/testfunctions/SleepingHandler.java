package io.selfheal.emulator.services.lambda.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** Sleeps {@code millis}, then answers with its process id: long enough, it outlives its timeout. */
public class SleepingHandler implements RequestHandler<Map<String, Object>, Long> {
    @Override
    public Long handleRequest(Map<String, Object> input, Context context) {
        System.out.println("sleeping " + input.get("millis") + " ms");
        try {
            Thread.sleep(((Number) input.get("millis")).longValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ProcessHandle.current().pid();
    }
}
