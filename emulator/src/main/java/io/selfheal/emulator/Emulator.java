package io.selfheal.emulator;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.selfheal.emulator.control.ControlApi;
import io.selfheal.emulator.control.ControlHttpHandler;
import io.selfheal.emulator.core.AccountsAndRegions;
import io.selfheal.emulator.core.ActivityTracker;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.EventsBacklog;
import io.selfheal.emulator.core.IdentityRegistry;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.Retention;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.core.authz.BusIdentityPolicies;
import io.selfheal.emulator.core.authz.DecisionLog;
import io.selfheal.emulator.core.authz.IamMode;
import io.selfheal.emulator.frontdoor.FrontDoor;
import io.selfheal.emulator.http.NettyHttpServer;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.ServiceRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded AWS cloud: every service found by {@link ServiceLoader} behind one HTTP port.
 *
 * <pre>{@code
 * try (Emulator aws = Emulator.builder().port(0).start()) {
 *     Ec2Client ec2 = Ec2Client.builder().endpointOverride(aws.endpoint()).build();
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {
    public static final int DEFAULT_PORT = 4566;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";

    private final EmulatorContext context;
    private final ServiceRegistry services;
    private final ControlApi control;
    private final EventLoopGroup eventLoops;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final NettyHttpServer server;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Emulator(Builder b) {
        eventLoops = new NioEventLoopGroup(Math.max(2, Runtime.getRuntime().availableProcessors()),
                new DefaultThreadFactory("selfheal-io", true));
        workers = Executors.newCachedThreadPool(new DefaultThreadFactory("selfheal-worker", true));
        scheduler = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("selfheal-scheduler", true));
        ActivityTracker activity = new ActivityTracker();
        if (b.clock instanceof io.selfheal.emulator.core.VirtualClock virtual) {
            virtual.activity(activity);
        }
        context = new EmulatorContext(b.region, b.host, b.clock, new IdentityRegistry(b.accountId), activity,
                new InternalBus(workers, activity), b.retention, workers, scheduler,
                (port, handler) -> NettyHttpServer.start(eventLoops, b.host, port, workers, handler),
                b.seed == null ? Ids.random() : Ids.seeded(b.seed));
        context.register(EventsBacklog.class, b.eventsBacklog);
        Authorization authorization = new Authorization(b.iamMode, b.clock, new DecisionLog(b.retention));
        authorization.policies(new BusIdentityPolicies(context.bus()));
        authorization.sessionTags(context.identities()::sessionTags);
        context.register(Authorization.class, authorization);
        List<AwsService> loaded = new ArrayList<>();
        ServiceLoader.load(AwsServiceProvider.class).stream()
                .filter(p -> !b.without.contains(p.type()))
                .forEach(p -> loaded.add(p.get().create(context)));
        for (AwsServiceProvider provider : b.extraServices) {
            loaded.add(provider.create(context));
        }
        b.afterServices.forEach(hook -> hook.accept(context));
        services = new ServiceRegistry(loaded);
        control = new ControlApi(context, services);
        FrontDoor frontDoor = new FrontDoor(context, services,
                b.controlApi ? new ControlHttpHandler(control, services) : null);
        // The front door decides per operation what leaves the event loop (see AwsService#blocking).
        server = NettyHttpServer.start(eventLoops, b.host, b.port, Runnable::run, frontDoor);
        context.endpoint("http://" + b.host + ":" + server.port());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts with defaults on any free port: the usual choice in tests. */
    public static Emulator startOnFreePort() {
        return builder().port(0).start();
    }

    /** The base URL for SDK endpoint overrides and {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        return URI.create(context.endpoint());
    }

    public int port() {
        return server.port();
    }

    public String region() {
        return context.defaultRegion();
    }

    public String accountId() {
        return context.defaultAccountId();
    }

    public ControlApi control() {
        return control;
    }

    public ServiceRegistry services() {
        return services;
    }

    /** Stops the port, every function process and the threads. Safe to call more than once. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close();
        services.close();
        scheduler.shutdownNow();
        workers.shutdownNow();
        eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }

    /** Settings for {@link Emulator}; every one has a default. */
    public static final class Builder {
        private boolean controlApi = true;
        private int port = DEFAULT_PORT;
        private String host = DEFAULT_HOST;
        private String region = DEFAULT_REGION;
        private String accountId = DEFAULT_ACCOUNT;
        private EmulatorClock clock = EmulatorClock.system();
        private Retention retention = Retention.defaults();
        private EventsBacklog eventsBacklog = EventsBacklog.DEFAULT;
        private String seed;
        private IamMode iamMode = IamMode.OFF;
        private final List<AwsServiceProvider> extraServices = new ArrayList<>();
        private final java.util.Set<Class<?>> without = new java.util.HashSet<>();
        private final List<java.util.function.Consumer<EmulatorContext>> afterServices = new ArrayList<>();

        /** 0 picks any free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The interface to bind; loopback unless you mean to expose it. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** The region of unsigned requests: a real region name, as signed requests must name one. */
        public Builder region(String region) {
            if (!AccountsAndRegions.isRegion(region)) {
                throw new IllegalArgumentException("not an AWS region name: " + region);
            }
            this.region = region;
            return this;
        }

        /** The account of requests signed with keys that name none: 12 digits. */
        public Builder accountId(String accountId) {
            if (!AccountsAndRegions.isAccountId(accountId)) {
                throw new IllegalArgumentException("not a 12-digit AWS account ID: " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * Without the HTTP control API ({@code serve --aws-only}): {@code /_selfheal/} paths answer as any path no AWS
         * operation serves, so a client cannot tell the port from AWS. {@link Emulator#control()} still works
         * in-process.
         */
        public Builder withoutControlApi() {
            this.controlApi = false;
            return this;
        }

        /** The clock every service reads and schedules on; {@code new VirtualClock(start)} for virtual time. */
        public Builder clock(EmulatorClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Derives ids (instances, events, messages, request ids …) from this seed instead of drawing them at random,
         * so two runs that make the same calls get the same ids. Scenario runs pass the scenario's name.
         */
        public Builder seed(String seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Leaves a built-in service out, e.g. {@code without(CloudTrailService.Provider.class)} for a bus without
         * CloudTrail's "AWS API Call via CloudTrail" events.
         */
        public Builder without(Class<? extends AwsServiceProvider> providerType) {
            without.add(providerType);
            return this;
        }

        /**
         * Bounds one history ({@link Retention#histories()}: {@code calls}, {@code events}, {@code invocations},
         * {@code cloudtrail}) to {@code entries} entries and about {@code bytes} bytes of heap; the oldest go first.
         * The defaults ({@link Retention}) hold a day of {@code serve} and any scenario run.
         */
        public Builder retain(String history, int entries, long bytes) {
            this.retention = retention.with(history, new Retention.Limit(entries, bytes));
            return this;
        }

        /** Every history's bounds at once (e.g. parsed from {@code serve --retain}). */
        public Builder retention(Retention retention) {
            this.retention = retention;
            return this;
        }

        /**
         * At most {@code events} events accepted by PutEvents wait for delivery; beyond, PutEvents answers
         * {@code ThrottlingException}, which SDKs retry ({@link EventsBacklog}).
         */
        public Builder eventsBacklog(int events) {
            this.eventsBacklog = eventsBacklog.withEvents(events);
            return this;
        }

        /** Adds a service beyond those on the class path (tests, extensions). */
        public Builder service(AwsServiceProvider provider) {
            extraServices.add(provider);
            return this;
        }

        /**
         * Runs once every service is created, before the port opens: for tests and extensions that reach the
         * internal bus without being a service (a probe that records messages, a stand-in handler, which wins over
         * the built-in one because it registers last).
         */
        public Builder afterServices(java.util.function.Consumer<EmulatorContext> hook) {
            afterServices.add(hook);
            return this;
        }

        /**
         * How IAM is applied to calls by non-root principals (IAM users, role sessions, functions' execution roles):
         * {@code OFF} (the default: nothing checked), {@code AUDIT} (decided and recorded) or {@code ENFORCE}
         * (denied calls refused with AWS's error). Changeable later through the control API.
         */
        public Builder iamMode(IamMode mode) {
            this.iamMode = java.util.Objects.requireNonNull(mode, "mode");
            return this;
        }

        public Emulator start() {
            return new Emulator(this);
        }
    }
}
