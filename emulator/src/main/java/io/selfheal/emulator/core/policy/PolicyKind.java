package io.selfheal.emulator.core.policy;

/**
 * Where a document is attached, which decides what its statements must and must not say: identity policies (and
 * permissions boundaries) name no Principal and need a Resource; resource policies need a Principal; a role's trust
 * policy needs a Principal and may not name a Resource.
 */
public enum PolicyKind {
    IDENTITY,
    RESOURCE,
    TRUST,
    /** Parse the grammar only; no element is required or forbidden (a service's stored policy, the simulator). */
    ANY
}
