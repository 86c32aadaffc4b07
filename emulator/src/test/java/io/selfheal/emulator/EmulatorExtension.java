package io.selfheal.emulator;

import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.VirtualClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkClient;

/**
 * The emulator of an emulator test: started before the class's first test (or before each test, {@link #perTest()})
 * on the clock of choice, closed after, with SDK clients pointed at its port and a {@link BusProbe} on its bus.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).resetBeforeEach();
 *
 * @Test
 * void reboots(Ec2Client ec2) { … AWS.bus().published(ServiceEvent.class) … AWS.advance(Duration.ofMinutes(1)); }
 * }</pre>
 * SDK clients are injected into test methods by type (any {@link SdkClient} with a {@code builder()}), or built with
 * {@link #client(Class)}; one per type and emulator, closed with it.
 */
public final class EmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private final Supplier<EmulatorClock> clock;
    private UnaryOperator<Emulator.Builder> settings = UnaryOperator.identity();
    private boolean perTest;
    private boolean resetBeforeEach;
    private final List<Class<?>> recorded = new CopyOnWriteArrayList<>();

    private volatile Running running;
    private boolean startedForTest;

    private EmulatorExtension(Supplier<EmulatorClock> clock) {
        this.clock = clock;
    }

    /** An emulator on the system clock. */
    public static EmulatorExtension realTime() {
        return new EmulatorExtension(EmulatorClock::system);
    }

    /** An emulator on a {@link VirtualClock} standing at {@code start} until the test advances it. */
    public static EmulatorExtension virtualTime(Instant start) {
        return new EmulatorExtension(() -> new VirtualClock(start));
    }

    /**
     * An emulator on a clock of the test's own (one it moves by hand, say), asked of {@code clock} for each emulator
     * the extension starts.
     */
    public static EmulatorExtension on(Supplier<? extends EmulatorClock> clock) {
        return new EmulatorExtension(clock::get);
    }

    /** Further settings of the emulator: {@code configure(b -> b.without(…).region(…))}. */
    public EmulatorExtension configure(UnaryOperator<Emulator.Builder> more) {
        UnaryOperator<Emulator.Builder> before = settings;
        settings = b -> more.apply(before.apply(b));
        return this;
    }

    /** Records every message of these types from the emulator's start on ({@code bus().published(type)}). */
    public EmulatorExtension recording(Class<?>... types) {
        recorded.addAll(List.of(types));
        return this;
    }

    /** A fresh emulator (and clock) for every test. */
    public EmulatorExtension perTest() {
        perTest = true;
        return this;
    }

    /** One emulator for the class, its state forgotten before each test ({@code ControlApi#reset}). */
    public EmulatorExtension resetBeforeEach() {
        resetBeforeEach = true;
        return this;
    }

    public Emulator emulator() {
        return running().emulator;
    }

    /** The virtual clock; fails for a real-time emulator. */
    public VirtualClock clock() {
        return (VirtualClock) running().clock;
    }

    /** Advances the virtual clock, running what falls due (see {@code ControlApi#advance}). */
    public void advance(java.time.Duration duration) {
        emulator().control().advance(duration);
    }

    public BusProbe bus() {
        return running().bus;
    }

    /** The client of this type pointed at the emulator, e.g. {@code client(Ec2Client.class)}. */
    public <C extends SdkClient> C client(Class<C> type) {
        Running r = running();
        return type.cast(r.clients.computeIfAbsent(type, t -> r.build(type)));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest) {
            running = start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (running == null) {
            // perTest, or registered on an instance field (no beforeAll): this test's own emulator.
            running = start();
            startedForTest = true;
        } else if (resetBeforeEach) {
            running.emulator.control().reset();
            running.bus.clear();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForTest) {
            stop();
            startedForTest = false;
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return SdkClient.class.isAssignableFrom(type) && type.isInterface() || type == Emulator.class
                || type == BusProbe.class || type == VirtualClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (running == null) {
            throw new ParameterResolutionException("the emulator is not running yet (a @BeforeAll parameter of a "
                    + "per-test emulator?)");
        }
        if (type == Emulator.class) {
            return emulator();
        }
        if (type == BusProbe.class) {
            return bus();
        }
        if (type == VirtualClock.class) {
            return clock();
        }
        return client(type.asSubclass(SdkClient.class));
    }

    private Running running() {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("the emulator runs only while a test of its class does");
        }
        return r;
    }

    private Running start() {
        EmulatorClock c = clock.get();
        BusProbe probe = new BusProbe();
        recorded.forEach(probe::record);
        Emulator emulator = settings.apply(Emulator.builder().port(0).clock(c)).afterServices(probe::attach).start();
        return new Running(emulator, c, probe);
    }

    private void stop() {
        Running r = running;
        running = null;
        if (r != null) {
            r.close();
        }
    }

    /** One started emulator and what was made for it. */
    private static final class Running implements AutoCloseable {
        final Emulator emulator;
        final EmulatorClock clock;
        final BusProbe bus;
        final Map<Class<?>, SdkClient> clients = new ConcurrentHashMap<>();

        Running(Emulator emulator, EmulatorClock clock, BusProbe bus) {
            this.emulator = emulator;
            this.clock = clock;
            this.bus = bus;
        }

        SdkClient build(Class<? extends SdkClient> type) {
            try {
                AwsClientBuilder<?, ?> builder = (AwsClientBuilder<?, ?>) type.getMethod("builder").invoke(null);
                return (SdkClient) TestClients.of(raw(builder), emulator);
            } catch (ReflectiveOperationException e) {
                throw new ParameterResolutionException(type.getName() + " has no static builder()", e);
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static AwsClientBuilder raw(AwsClientBuilder<?, ?> builder) {
            return builder;
        }

        @Override
        public void close() {
            List<SdkClient> all = new CopyOnWriteArrayList<>(clients.values());
            all.forEach(SdkClient::close);
            emulator.close();
        }
    }
}
