package io.selfheal.harness.backend;

/**
 * A fault or outcome reached for a control its cloud does not offer: it did not declare the capability in
 * {@code needs()} (the engine skips scenarios whose declared needs are missing), which is a bug in that class.
 */
public final class MissingCapabilityException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public MissingCapabilityException(Capability capability, String cloud) {
        super(cloud + " does not offer " + capability.label() + " (declare it in needs() to be skipped instead)");
    }
}
