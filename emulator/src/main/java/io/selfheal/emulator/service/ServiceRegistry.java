package io.selfheal.emulator.service;

import io.selfheal.emulator.protocol.Protocol;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The loaded services, indexed the ways the front door looks them up. */
public final class ServiceRegistry implements AutoCloseable {
    private final List<AwsService> services;
    private final Map<String, AwsService> bySigningName = new HashMap<>();
    private final Map<String, AwsService> byTargetPrefix = new HashMap<>();
    private final Map<String, ServiceDescriptor> descriptorByTargetPrefix = new HashMap<>();
    private final Map<AwsService, ServiceDescriptor> queryDescriptors = new HashMap<>();
    private final Map<String, List<AwsService>> queryServicesByAction = new HashMap<>();

    public ServiceRegistry(List<AwsService> services) {
        this.services = List.copyOf(services);
        for (AwsService service : services) {
            bySigningName.put(service.descriptor().signingName(), service);
            for (ServiceDescriptor d : service.protocols()) {
                if (d.targetPrefix() != null) {
                    byTargetPrefix.put(d.targetPrefix(), service);
                    descriptorByTargetPrefix.put(d.targetPrefix(), d);
                }
                if (d.protocol() == Protocol.QUERY || d.protocol() == Protocol.EC2_QUERY) {
                    queryDescriptors.put(service, d);
                    for (String action : service.operations().names()) {
                        queryServicesByAction.computeIfAbsent(action, a -> new ArrayList<>()).add(service);
                    }
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

    /** The JSON protocol a target prefix belongs to. */
    public ServiceDescriptor descriptorForTargetPrefix(String prefix) {
        return descriptorByTargetPrefix.get(prefix);
    }

    /** The service's query (or EC2 query) protocol, or null when it speaks none. */
    public ServiceDescriptor queryDescriptor(AwsService service) {
        return queryDescriptors.get(service);
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
