package io.selfheal.harness.steps;


/** Something that goes wrong, injected through the cloud's APIs. */
public interface Fault {
    /** A short sentence for reports: "alarm EC2-CPU-High-webserver-prod → ALARM". */
    String describe();

    void inject(FaultContext run);
}
