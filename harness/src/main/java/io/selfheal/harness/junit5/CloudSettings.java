package io.selfheal.harness.junit5;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.VirtualClock;
import io.selfheal.harness.junit5.SelfhealCloud.Scope;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** What an emulator for tests is started with; from {@link SelfhealCloud} or {@link SelfhealExtension.Builder}. */
record CloudSettings(String region, String accountId, boolean virtualClock, Instant clockStart, Scope scope) {
    static final CloudSettings DEFAULTS = new CloudSettings(Emulator.DEFAULT_REGION, Emulator.DEFAULT_ACCOUNT, true,
            null, Scope.CLASS);

    static CloudSettings of(SelfhealCloud annotation, Class<?> testClass) {
        Instant start = null;
        if (!annotation.clockStart().isEmpty()) {
            try {
                start = Instant.parse(annotation.clockStart());
            } catch (DateTimeParseException e) {
                throw new ExtensionConfigurationException("@SelfhealCloud(clockStart = \"" + annotation.clockStart()
                        + "\") on " + testClass.getName() + " is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
            }
        }
        return new CloudSettings(annotation.region(), annotation.accountId(), annotation.virtualClock(), start,
                annotation.scope());
    }

    /** Starts an emulator on a free port of 127.0.0.1 with these settings. */
    Emulator start() {
        EmulatorClock clock = virtualClock
                ? new VirtualClock(clockStart != null ? clockStart : Instant.now().truncatedTo(ChronoUnit.SECONDS))
                : EmulatorClock.system();
        return Emulator.builder().port(0).host(Emulator.DEFAULT_HOST).region(region).accountId(accountId)
                .clock(clock).start();
    }
}
