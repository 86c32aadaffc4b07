package io.selfheal.harness.steps.drift;

import io.selfheal.harness.steps.FaultContext;
import java.util.Set;

/** One change to a resource's configuration, made through the AWS APIs. */
public interface Drift {
    /** "tag Owner removed". */
    String describe();

    void apply(FaultContext run, DriftTarget target);

    /** The kinds of resource this change applies to. */
    Set<DriftTarget.Kind> appliesTo();
}
