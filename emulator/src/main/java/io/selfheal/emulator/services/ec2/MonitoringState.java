package io.selfheal.emulator.services.ec2;

/**
 * An instance's {@code monitoring.state} (API reference, "Monitoring"): MonitorInstances answers {@code pending},
 * UnmonitorInstances {@code disabling}; both settle after the lifecycle's transition delay.
 */
enum MonitoringState {
    DISABLED("disabled"),
    DISABLING("disabling"),
    ENABLED("enabled"),
    PENDING("pending");

    private final String wireName;

    MonitoringState(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** Whether datapoints come every minute: as soon as detailed monitoring is asked for, until it is turned off. */
    boolean detailed() {
        return this == ENABLED || this == PENDING;
    }
}
