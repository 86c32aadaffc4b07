package io.selfheal.harness.expect;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A kind of expectation: its YAML key and how to read it. Register an implementation in
 * {@code META-INF/services/io.selfheal.harness.expect.ExpectationType}.
 */
public interface ExpectationType {
    String key();

    Expectation read(YMap spec, ReadContext context);

    /** The JSON Schema of the mapping under the key (it may use the shared {@code #/$defs/…}). */
    String schema();

    static List<ExpectationType> all() {
        return ServiceLoader.load(ExpectationType.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
