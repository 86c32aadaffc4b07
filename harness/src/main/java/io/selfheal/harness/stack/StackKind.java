package io.selfheal.harness.stack;

import io.selfheal.harness.yaml.YMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A kind of stack resource: its key under {@code stack:}, the attributes references may name, the kinds it depends
 * on, how an entry reads from YAML and how the kind provisions through the AWS SDK. Register an implementation in
 * {@code META-INF/services/io.selfheal.harness.stack.StackKind}; {@link StackKinds} orders the kinds by their
 * dependencies, so adding one changes no list elsewhere.
 *
 * @param <R> the model of one entry (a record)
 */
public interface StackKind<R> {
    /** The key under {@code stack:} and the first part of a reference: {@code instances}. */
    String key();

    /** The model of one entry. */
    Class<R> type();

    /** What {@code ${kind.key.attribute}} may name; {@link #provision} records each in the {@link StackState}. */
    List<String> attributes();

    /**
     * This kind's part of the scenario JSON Schema, as JSON: {@code description} (of the section),
     * {@code entry} (the schema of one entry) and optionally {@code defs} (schemas the entry refers to as
     * {@code #/$defs/<name>}). Shared definitions ({@code text}, {@code stackKey}, {@code permission}, …) are the
     * schema's own.
     */
    String schema();

    /**
     * The kinds whose resources this kind's entries name by key or may refer to ({@code ${…}}): they are read and
     * provisioned first. A kind may name its own entries (a queue's dead-letter queue); it orders those itself.
     */
    default Set<String> dependsOn() {
        return Set.of();
    }

    /** Reads one entry, reporting mistakes on its nodes; may return null after a problem. */
    R read(String key, YMap spec, StackReading reading);

    /** Reads the whole section, entry by entry in file order (override to check entries against each other). */
    default Map<String, R> readAll(YMap section, StackReading reading) {
        Map<String, R> out = new LinkedHashMap<>();
        section.entries().forEach((key, spec) -> {
            R value = read(key, spec.map(), reading);
            if (value != null) {
                out.put(key, value);
            }
        });
        return out;
    }

    /** Creates the entries, in file order, through the SDK clients, recording their attributes. */
    void provision(Map<String, R> resources, Provisioning provisioning);

    /**
     * Sets the resource policy of {@code key} to the statements other kinds asked for through
     * {@link Provisioning#allow}; called once every kind is provisioned.
     */
    default void grant(String key, String policy, Provisioning provisioning) {
        throw new UnsupportedOperationException(key() + " have no resource policy");
    }
}
