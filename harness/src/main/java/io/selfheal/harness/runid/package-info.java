/**
 * Real-account safety: what makes a run's resources findable and removable. {@link io.selfheal.harness.runid.RunIdentity}
 * names each resource {@code <name>-sh-<runid>} and tags it {@code selfheal:run-id}/{@code selfheal:scenario};
 * {@link io.selfheal.harness.runid.RunTagging} adds those tags to every create request that takes tags, and
 * {@link io.selfheal.harness.runid.CreatedResources} records every resource a create call made, to delete them in
 * reverse order at the end of the run — both are SDK interceptors on the run's clients, so no stack kind carries
 * tagging or cleanup code. {@link io.selfheal.harness.runid.Leftovers} finds what a run left behind by its run id
 * ({@code selfheal cleanup --run-id}); {@link io.selfheal.harness.runid.CallRecorder} lists the calls a provisioning
 * makes ({@code selfheal run --plan}).
 */
package io.selfheal.harness.runid;
