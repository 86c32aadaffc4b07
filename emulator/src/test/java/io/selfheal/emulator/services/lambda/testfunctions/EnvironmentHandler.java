package io.selfheal.emulator.services.lambda.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reports the environment variables named in {@code names} (absent ones are left out), and the working directory. */
public class EnvironmentHandler implements RequestHandler<Map<String, List<String>>, Map<String, String>> {
    @Override
    public Map<String, String> handleRequest(Map<String, List<String>> input, Context context) {
        Map<String, String> out = new TreeMap<>();
        for (String name : input.get("names")) {
            String value = System.getenv(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        out.put("user.dir", System.getProperty("user.dir"));
        return out;
    }
}
