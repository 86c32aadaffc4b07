package io.selfheal.harness.backend;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.core.ApiCall;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** A cloud a scenario runs against: its AWS endpoint, plus what the harness observes beyond the AWS APIs. */
public interface Cloud extends AutoCloseable {
    /** For reports: "embedded emulator on http://127.0.0.1:4566". */
    String describe();

    URI endpoint();

    String region();

    AwsCredentialsProvider credentials();

    /** Every AWS API call the cloud answered, in order. */
    List<ApiCall> calls();

    /** Every invocation of the named function, in start order. */
    List<FunctionInvocation> invocations(String functionName);

    /** Every event that reached an event bus, with its deliveries. */
    List<EventRecord> events();

    /** Delivers an event once more with the same id, as at-least-once delivery may. */
    EventRecord redeliver(String eventId);

    /** Waits until nothing is in flight; false when {@code timeout} passed first. */
    boolean awaitIdle(Duration timeout);

    /** How often EC2 rebooted an instance. */
    int rebootCount(String instanceId);

    @Override
    void close();
}
