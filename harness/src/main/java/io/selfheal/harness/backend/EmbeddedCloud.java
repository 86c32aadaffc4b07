package io.selfheal.harness.backend;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.core.VirtualClock;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The default backend: a fresh in-process emulator on a free loopback port, one per scenario, on a virtual clock
 * unless real time is asked for. A scenario's cloud is seeded with the scenario's name: its ids and request ids are
 * the same in every run, and its virtual clock starts at {@link #SEEDED_START}, so two runs can be diffed.
 */
public final class EmbeddedCloud implements Cloud {
    private final Emulator emulator;
    private final boolean owned;
    private final EmbeddedControls controls;

    public EmbeddedCloud() {
        this(true);
    }

    /** Where a seeded virtual clock starts: a fixed instant, so timestamps repeat from run to run. */
    public static final java.time.Instant SEEDED_START = java.time.Instant.parse("2026-01-01T00:00:00Z");

    public EmbeddedCloud(boolean virtualTime) {
        this(virtualTime, null);
    }

    /**
     * @param seed null for random ids and a virtual clock starting at the current second; else the seed of the
     *             ids, and a virtual clock starting at {@link #SEEDED_START}
     */
    public EmbeddedCloud(boolean virtualTime, String seed) {
        this(Emulator.builder().port(0).seed(seed).clock(virtualTime
                ? new VirtualClock(seed != null ? SEEDED_START
                        : java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                : io.selfheal.emulator.core.EmulatorClock.system()).start());
    }

    public EmbeddedCloud(Emulator emulator) {
        this(emulator, true);
    }

    private EmbeddedCloud(Emulator emulator, boolean owned) {
        this.emulator = emulator;
        this.owned = owned;
        this.controls = new EmbeddedControls(emulator);
    }

    /** A cloud on an emulator someone else owns (a JUnit extension's): {@link #close()} leaves it running. */
    public static EmbeddedCloud borrowing(Emulator emulator) {
        return new EmbeddedCloud(emulator, false);
    }

    public Emulator emulator() {
        return emulator;
    }

    @Override
    public String describe() {
        return "embedded emulator on " + emulator.endpoint();
    }

    @Override
    public URI endpoint() {
        return emulator.endpoint();
    }

    @Override
    public String region() {
        return emulator.region();
    }

    @Override
    public AwsCredentialsProvider credentials() {
        // The access key names no account, so calls act in the emulator's default account.
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIASELFHEALHARNESS", "selfheal"));
    }

    @Override
    public java.util.Optional<EmulatorControls> controls() {
        return java.util.Optional.of(controls);
    }

    @Override
    public void close() {
        if (owned) {
            emulator.close();
        }
    }
}
