package io.selfheal.harness.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.harness.backend.Cloud;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's provisioning of a {@link Stack}: the kinds in {@link StackKinds} order, then the resource policies they
 * asked each other for. Keeps what the kinds made — attributes in the {@link StackState}, helpers such as the run's
 * {@link HttpEndpoints} — until {@link #close()}.
 */
public final class Provisioning implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudClients clients;
    private final Cloud cloud;
    private final StackState state = new StackState();
    private final Map<Class<?>, AutoCloseable> attachments = new LinkedHashMap<>();
    private final Map<String, Map<String, ArrayNode>> grants = new LinkedHashMap<>();
    private final io.selfheal.harness.runid.RunIdentity identity;
    private String accountId;

    public Provisioning(CloudClients clients, Cloud cloud) {
        this(clients, cloud, null);
    }

    /** @param identity the run's, when its resources are to carry the run id in their names; else null */
    public Provisioning(CloudClients clients, Cloud cloud, io.selfheal.harness.runid.RunIdentity identity) {
        this.clients = clients;
        this.cloud = cloud;
        this.identity = identity;
    }

    /**
     * The name a resource the scenario calls {@code logical} gets in this run: {@code <logical>-sh-<runid>} on a
     * backend whose runs carry a run id (see {@link io.selfheal.harness.runid.RunIdentity#name}), else
     * {@code logical}; at most {@code limit} characters, the service's own limit.
     */
    public String name(String logical, int limit) {
        return identity == null ? logical : identity.name(logical, limit);
    }

    /** Creates every resource of {@code stack}, kind after kind, then applies the resource policies asked for. */
    public void provision(Stack stack) {
        accountId = clients.sts().getCallerIdentity().account();
        for (StackKind<?> kind : StackKinds.all()) {
            provision(kind, stack);
        }
        for (StackKind<?> kind : StackKinds.all()) {
            grants.getOrDefault(kind.key(), Map.of()).forEach((key, statements) -> {
                ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
                policy.set("Statement", statements);
                kind.grant(key, policy.toString(), this);
            });
        }
    }

    private <R> void provision(StackKind<R> kind, Stack stack) {
        Map<String, R> resources = stack.all(kind.type());
        if (!resources.isEmpty()) {
            kind.provision(resources, this);
        }
    }

    public CloudClients clients() {
        return clients;
    }

    public Cloud cloud() {
        return cloud;
    }

    public StackState state() {
        return state;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return cloud.region();
    }

    /** {@code arn:aws:<service>:<region>:<account>:<resource>}. */
    public String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + region() + ":" + accountId + ":" + resource;
    }

    /** Records a resource's attribute for references and later kinds. */
    public void put(StackKind<?> kind, String key, String attribute, String value) {
        state.put(kind.key(), key, attribute, value);
    }

    /**
     * Asks that {@code service} (a service principal) may {@code action} on the resource {@code kind.key}, from
     * {@code sourceArn} only — as the team's IaC would grant it. The statements for one resource become its policy
     * once every kind is provisioned ({@link StackKind#grant}).
     */
    public void allow(String kind, String key, String service, String action, String sourceArn) {
        ObjectNode s = JSON.createObjectNode().put("Effect", "Allow").put("Action", action)
                .put("Resource", state.get(kind, key, "arn"));
        s.putObject("Principal").put("Service", service);
        s.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", sourceArn);
        grants.computeIfAbsent(kind, k -> new LinkedHashMap<>()).computeIfAbsent(key, k -> JSON.createArrayNode())
                .add(s);
    }

    /** Keeps {@code helper} for the run (closed with it); kinds and probes find it by its class. */
    public <T extends AutoCloseable> void attach(Class<T> type, T helper) {
        attachments.put(type, helper);
    }

    /** The helper attached under {@code type}, or null when no kind attached one. */
    public <T> T attachment(Class<T> type) {
        return type.cast(attachments.get(type));
    }

    @Override
    public void close() {
        List<AutoCloseable> helpers = new ArrayList<>(attachments.values());
        java.util.Collections.reverse(helpers);
        for (AutoCloseable helper : helpers) {
            try {
                helper.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not close " + helper, e);
            }
        }
    }
}
