package io.selfheal.harness.expect;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.stack.CloudClients;
import io.selfheal.harness.stack.Stack;
import io.selfheal.harness.stack.StackState;
import java.util.List;

/**
 * What an outcome or steady-state probe may look at: the AWS SDK clients, the cloud's logs and clock, what was
 * provisioned, and where the run stands relative to the first fault.
 */
public interface ProbeContext {
    CloudClients clients();

    /** The cloud's call log, event log, invocations and clock. */
    Cloud cloud();

    /** The scenario's stack as written. */
    Stack stack();

    /** The provisioned resources' ids, names and ARNs by stack key. */
    StackState state();

    /** Whether the faults have been injected (steady-state probes run before). */
    boolean faultStarted();

    /** Events that reached a bus since the first fault was injected. */
    List<EventRecord> eventsSinceFault();

    /** A helper a stack kind attached while provisioning ({@code HttpEndpoints}), or null when none did. */
    <T> T attachment(Class<T> type);
}
