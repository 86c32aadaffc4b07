package io.selfheal.harness.report;

import java.time.Duration;

/**
 * One thing that happened during a run.
 *
 * @param lane   what kind of thing
 * @param at     when, measured from the first fault on the cloud's clock (virtual unless the scenario runs on a real one)
 * @param length how long it lasted (an invocation), or null for an instant
 * @param label  a short label ({@code ec2 RebootInstances})
 * @param detail the full account shown on hover (ids, rules matched, errors)
 * @param error  whether it went wrong (failed invocation, failed delivery, an error answer)
 */
public record TimelineEntry(Lane lane, Duration at, Duration length, String label, String detail, boolean error) {

    /** When it ended: {@link #at()} plus its length. */
    public Duration end() {
        return length == null ? at : at.plus(length);
    }
}
