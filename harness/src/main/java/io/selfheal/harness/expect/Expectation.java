package io.selfheal.harness.expect;


/** An outcome that must hold after the faults; checked repeatedly until it holds or the deadline passes. */
public interface Expectation {
    /** What is expected, for reports: "ec2 RebootInstances called exactly 1 time". */
    String describe();

    Verdict check(ProbeContext run);

    /** What beyond the AWS APIs checking it needs of the cloud; none by default. */
    default java.util.Set<io.selfheal.harness.backend.Capability> needs() {
        return java.util.Set.of();
    }

    /**
     * Whether it must hold at every check until the outcome deadline (see {@link NeverExpectation}) rather than
     * eventually.
     */
    default boolean untilDeadline() {
        return false;
    }
}
