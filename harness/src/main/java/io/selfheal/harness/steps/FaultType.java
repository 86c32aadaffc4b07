package io.selfheal.harness.steps;

import io.selfheal.harness.stack.ReadContext;
import io.selfheal.harness.yaml.YMap;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A kind of fault: its YAML key and how to read it. Register an implementation in
 * {@code META-INF/services/io.selfheal.harness.steps.FaultType}.
 */
public interface FaultType {
    String key();

    /** Reads the mapping under the key, reporting mistakes on its nodes; may return null after a problem. */
    Fault read(YMap spec, ReadContext context);

    /** The JSON Schema of the mapping under the key (it may use the shared {@code #/$defs/…}). */
    String schema();

    static List<FaultType> all() {
        return ServiceLoader.load(FaultType.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
