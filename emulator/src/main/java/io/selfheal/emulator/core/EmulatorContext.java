package io.selfheal.emulator.core;

import io.selfheal.emulator.http.HttpServerFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the emulator gives each service when it is created: shared infrastructure, and a registry of
 * {@code components} through which a service exposes a typed side door to the harness's control API
 * (for example, Lambda's invocation records) without the control package depending on wire shapes.
 */
public final class EmulatorContext {
    private final String defaultRegion;
    private final String host;
    private final EmulatorClock clock;
    private final IdentityRegistry identities;
    private final ActivityTracker activity;
    private final InternalBus bus;
    private final ApiCallLog callLog;
    private final Retention retention;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final HttpServerFactory servers;
    private final Ids ids;
    private final Map<Class<?>, Object> components = new ConcurrentHashMap<>();
    private volatile String endpoint;

    /** @param retention the bounds of every history; the call log is built with it */
    public EmulatorContext(String defaultRegion, String host, EmulatorClock clock, IdentityRegistry identities,
                           ActivityTracker activity, InternalBus bus, Retention retention, ExecutorService workers,
                           ScheduledExecutorService scheduler, HttpServerFactory servers, Ids ids) {
        this.retention = retention;
        this.defaultRegion = defaultRegion;
        this.host = host;
        this.clock = clock;
        this.identities = identities;
        this.activity = activity;
        this.bus = bus;
        this.callLog = new ApiCallLog(retention);
        this.workers = workers;
        this.scheduler = scheduler;
        this.servers = servers;
        this.ids = ids;
    }

    /** Starts further listeners on the emulator's bind address and event loops. */
    public HttpServerFactory servers() {
        return servers;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    public String defaultAccountId() {
        return identities.defaultAccountId();
    }

    /** The interface the emulator binds to (127.0.0.1 unless configured otherwise). */
    public String host() {
        return host;
    }

    public EmulatorClock clock() {
        return clock;
    }

    /** The emulator's id generator: random, or seeded for reproducible scenario runs. */
    public Ids ids() {
        return ids;
    }

    public IdentityRegistry identities() {
        return identities;
    }

    public ActivityTracker activity() {
        return activity;
    }

    public InternalBus bus() {
        return bus;
    }

    /** The bounds of every history, and what each holds now. */
    public Retention retention() {
        return retention;
    }

    public ApiCallLog callLog() {
        return callLog;
    }

    /** A cached pool for blocking work (HTTP handling, invocations). */
    public ExecutorService workers() {
        return workers;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The base URL of the front door, e.g. {@code http://127.0.0.1:4566}; known once the port is bound. */
    public String endpoint() {
        return endpoint;
    }

    public void endpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public <T> void register(Class<T> type, T component) {
        components.put(type, component);
    }

    public <T> T component(Class<T> type) {
        Object c = components.get(type);
        if (c == null) {
            throw new IllegalStateException("no component " + type.getName() + " (is its service loaded?)");
        }
        return type.cast(c);
    }
}
