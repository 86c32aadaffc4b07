package io.selfheal.emulator.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A service's operation table: each {@link OperationSpec} by AWS operation name, with the facts registered beside
 * it. The front door reads handlers, blocking and REST routes from here; CloudTrail, the call log and IAM read the
 * facts.
 */
public final class Operations {
    private final String iamPrefix;
    private final Map<String, OperationSpec> specs = new LinkedHashMap<>();
    private final List<RestRoute> routes = new ArrayList<>();

    /** @param iamPrefix the service's IAM action prefix ({@code cloudwatch}, though it signs as {@code monitoring}) */
    public Operations(String iamPrefix) {
        this.iamPrefix = iamPrefix;
    }

    /** Registers an operation; a name registered twice is a programming error. */
    public Operations add(OperationSpec spec) {
        if (specs.putIfAbsent(spec.name(), spec.withDefaultIam(iamPrefix)) != null) {
            throw new IllegalArgumentException("operation registered twice: " + spec.name());
        }
        if (spec.route() != null) {
            routes.add(spec.route());
        }
        return this;
    }

    public String iamPrefix() {
        return iamPrefix;
    }

    /** The handler of an operation, or null when the service has no such operation. */
    public Operation get(String name) {
        OperationSpec spec = specs.get(name);
        return spec == null ? null : spec.handler();
    }

    /** The registration of an operation, or null. */
    public OperationSpec spec(String name) {
        return specs.get(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(specs.keySet());
    }

    public Collection<OperationSpec> all() {
        return Collections.unmodifiableCollection(specs.values());
    }

    /** The REST bindings of the operations that have one, in registration order. */
    public List<RestRoute> routes() {
        return Collections.unmodifiableList(routes);
    }
}
