package io.selfheal.harness.steps;

import io.selfheal.harness.backend.Cloud;
import io.selfheal.harness.stack.CloudClients;
import io.selfheal.harness.stack.StackState;

/** What a fault may use to inject itself: the AWS SDK clients, the cloud's side door and what was provisioned. */
public interface FaultContext {
    /** Unmodified AWS SDK clients pointed at the cloud: faults inject through AWS APIs where AWS has one. */
    CloudClients clients();

    /** The cloud's capabilities beyond AWS APIs (CPU load, service events). */
    Cloud cloud();

    /** The provisioned resources' ids, names and ARNs by stack key. */
    StackState state();
}
