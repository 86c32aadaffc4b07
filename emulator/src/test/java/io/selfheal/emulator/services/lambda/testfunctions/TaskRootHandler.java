package io.selfheal.emulator.services.lambda.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a packaged file both ways functions do: as a file under LAMBDA_TASK_ROOT and as a class-path resource. */
public class TaskRootHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String name = String.valueOf(input.get("file"));
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            out.put("file", Files.readString(Path.of(System.getenv("LAMBDA_TASK_ROOT"), name)));
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
                out.put("resource", in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            out.put("classFileOnDisk", Files.exists(Path.of(System.getenv("LAMBDA_TASK_ROOT"),
                    getClass().getName().replace('.', '/') + ".class")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
