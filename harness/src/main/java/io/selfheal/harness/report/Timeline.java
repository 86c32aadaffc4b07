package io.selfheal.harness.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * What happened in one run after its first fault, ordered by time.
 *
 * @param origin      when the first fault was injected (cloud clock), or null when the run never got that far
 * @param virtualTime whether times are on the scenario's virtual clock
 * @param entries     every entry, by {@link TimelineEntry#at()} then lane
 * @param mttr        from the first fault to the outcomes (and steady state) holding again, or null when they never did
 */
public record Timeline(Instant origin, boolean virtualTime, List<TimelineEntry> entries, Duration mttr) {
    static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::at)
            .thenComparing(TimelineEntry::lane);

    public Timeline {
        entries = entries.stream().sorted(ORDER).toList();
    }

    /** The timeline of a run that broke before its fault. */
    public static Timeline none(boolean virtualTime) {
        return new Timeline(null, virtualTime, List.of(), null);
    }

    /** The entries in one lane. */
    public List<TimelineEntry> in(Lane lane) {
        return entries.stream().filter(e -> e.lane() == lane).toList();
    }

    /** The latest moment the timeline shows: the last end of an entry, or the MTTR. */
    public Duration span() {
        Duration span = mttr == null ? Duration.ZERO : mttr;
        for (TimelineEntry e : entries) {
            if (e.end().compareTo(span) > 0) {
                span = e.end();
            }
        }
        return span;
    }
}
