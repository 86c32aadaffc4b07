package io.selfheal.harness.steps;


/** Something that goes wrong, injected through the cloud's APIs. */
public interface Fault {
    /** A short sentence for reports: "alarm EC2-CPU-High-webserver-prod → ALARM". */
    String describe();

    void inject(FaultContext run);

    /** What beyond the AWS APIs injecting it needs of the cloud; none by default. */
    default java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        return java.util.Set.of();
    }
}
