package io.selfheal.emulator.service;

import io.selfheal.emulator.protocol.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The loaded services, indexed the ways the front door looks them up. */
public final class ServiceRegistry implements AutoCloseable {
    private final List<AwsService> services;
    private final Map<String, AwsService> bySigningName = new HashMap<>();
    private final Map<String, AwsService> byTargetPrefix = new HashMap<>();
    private final Map<String, List<AwsService>> queryServicesByAction = new HashMap<>();

    public ServiceRegistry(List<AwsService> services) {
        this.services = List.copyOf(services);
        for (AwsService service : services) {
            var d = service.descriptor();
            bySigningName.put(d.signingName(), service);
            if (d.targetPrefix() != null) {
                byTargetPrefix.put(d.targetPrefix(), service);
            }
            if (d.protocol() == Protocol.QUERY || d.protocol() == Protocol.EC2_QUERY) {
                for (String action : service.operations().keySet()) {
                    queryServicesByAction.computeIfAbsent(action, a -> new ArrayList<>()).add(service);
                }
            }
        }
    }

    public List<AwsService> all() {
        return services;
    }

    public AwsService bySigningName(String name) {
        return name == null ? null : bySigningName.get(name);
    }

    public AwsService byTargetPrefix(String prefix) {
        return byTargetPrefix.get(prefix);
    }

    /** For unsigned query requests: the services offering this action. */
    public List<AwsService> queryServicesWithAction(String action) {
        return queryServicesByAction.getOrDefault(action, List.of());
    }

    @SuppressWarnings("unchecked")
    public <T extends AwsService> T get(Class<T> type) {
        for (AwsService service : services) {
            if (type.isInstance(service)) {
                return (T) service;
            }
        }
        throw new IllegalStateException("service not loaded: " + type.getName());
    }

    public void reset() {
        services.forEach(AwsService::reset);
    }

    @Override
    public void close() {
        for (AwsService service : services) {
            service.close();
        }
    }
}
