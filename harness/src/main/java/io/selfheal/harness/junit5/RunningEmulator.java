package io.selfheal.harness.junit5;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.control.ControlApi;
import io.selfheal.emulator.core.VirtualClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkClient;

/**
 * The emulator a test runs against, as the extension hands it out: its endpoint, clock and control API, and SDK
 * clients for it. Inject it as a parameter, or reach it through a registered {@link SelfhealExtension}.
 */
public final class RunningEmulator implements AutoCloseable {
    /** How long {@link #awaitIdle()} waits before it reports that work is still in flight. */
    public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

    private final Emulator emulator;
    private final List<SdkClient> clients = new ArrayList<>();

    RunningEmulator(Emulator emulator) {
        this.emulator = emulator;
    }

    public Emulator emulator() {
        return emulator;
    }

    public ControlApi control() {
        return emulator.control();
    }

    /** The base URL for {@code endpointOverride} and {@code AWS_ENDPOINT_URL}: {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return emulator.endpoint();
    }

    public String region() {
        return emulator.region();
    }

    public String accountId() {
        return emulator.accountId();
    }

    /** The emulator's time: virtual or real. */
    public Instant now() {
        return control().clock().now();
    }

    /**
     * The virtual clock.
     *
     * @throws IllegalStateException when the emulator runs on the system clock
     */
    public VirtualClock virtualClock() {
        if (control().clock() instanceof VirtualClock virtual) {
            return virtual;
        }
        throw new IllegalStateException("the emulator runs on the system clock: use @SelfhealCloud(virtualClock = "
                + "true) or SelfhealExtension.builder().virtualClock(true) to control time");
    }

    /** Advances virtual time, running every timer due on the way (alarm evaluations, instance transitions…). */
    public void advance(Duration duration) {
        virtualClock().advance(duration);
    }

    /**
     * Waits until no asynchronous work (event deliveries, queued Lambda invocations) is in flight.
     *
     * @throws IllegalStateException when work is still in flight after {@link #IDLE_TIMEOUT}
     */
    public void awaitIdle() {
        if (!control().awaitIdle(IDLE_TIMEOUT)) {
            throw new IllegalStateException("the emulator was still busy after " + IDLE_TIMEOUT);
        }
    }

    /** A client of {@code type} (e.g. {@code SqsClient.class}) for this emulator, closed when the emulator stops. */
    public <C extends SdkClient> C client(Class<C> type) {
        C client = SdkClients.build(type, endpoint(), region());
        synchronized (clients) {
            clients.add(client);
        }
        return client;
    }

    /** Forgets every resource and the call log (not the clock). */
    void reset() {
        // Let the previous test's deliveries land first, or they would recreate state after the reset.
        control().awaitIdle(IDLE_TIMEOUT);
        control().reset();
    }

    /** Closes the clients it made, then the emulator (port, function processes, threads). */
    @Override
    public void close() {
        synchronized (clients) {
            clients.forEach(SdkClient::close);
            clients.clear();
        }
        emulator.close();
    }

    @Override
    public String toString() {
        return "selfheal emulator on " + endpoint();
    }
}
