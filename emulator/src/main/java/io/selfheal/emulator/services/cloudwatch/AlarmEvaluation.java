package io.selfheal.emulator.services.cloudwatch;

import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates metric alarms on the emulator's clock. "Using Amazon CloudWatch alarms": alarms with a period of a minute
 * or more are evaluated every minute, high-resolution ones (10 and 30 seconds; 20 here too) every 10 seconds. One
 * timer serves every alarm of every region (cheap: one entry in the clock's queue), armed only while alarms exist, at
 * the next minute boundary, or the next 10-second one while a high-resolution alarm exists; it re-arms after each run.
 * An evaluation at T reads the periods that ended by T, aligned on multiples of the period.
 */
final class AlarmEvaluation {
    private static final Logger LOG = Logger.getLogger(AlarmEvaluation.class.getName());
    private static final long HIGH_RESOLUTION_STEP = 10;

    private final EmulatorContext context;
    private final RegionalStore<CloudWatchRegion> alarms;
    private final RegionalStore<MetricStore> metrics;
    private final AlarmTransitions transitions;
    private EmulatorClock.Timer timer;
    private Instant nextTick;

    AlarmEvaluation(EmulatorContext context, RegionalStore<CloudWatchRegion> alarms,
                    RegionalStore<MetricStore> metrics, AlarmTransitions transitions) {
        this.context = context;
        this.alarms = alarms;
        this.metrics = metrics;
        this.transitions = transitions;
    }

    /** Makes sure the next evaluation is scheduled (after PutMetricAlarm); a no-op when it already is, early enough. */
    synchronized void arm() {
        boolean any = false;
        boolean highResolution = false;
        for (CloudWatchRegion region : alarms.all()) {
            for (MetricAlarm a : region.all()) {
                any = true;
                highResolution |= a.definition.period() < 60;
            }
        }
        if (!any) {
            return;
        }
        long now = context.clock().now().getEpochSecond();
        long step = highResolution ? HIGH_RESOLUTION_STEP : 60;
        Instant at = Instant.ofEpochSecond((Math.floorDiv(now, step) + 1) * step);
        if (timer != null && !nextTick.isAfter(at)) {
            return;
        }
        if (timer != null) {
            timer.cancel();
        }
        nextTick = at;
        timer = context.clock().schedule(at, () -> tick(at));
    }

    synchronized void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void tick(Instant at) {
        synchronized (this) {
            if (timer == null || !at.equals(nextTick)) {
                return;
            }
            timer = null;
        }
        try {
            evaluateAll(at);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "alarm evaluation failed", e);
        } finally {
            arm();
        }
    }

    private void evaluateAll(Instant at) {
        boolean minute = at.getEpochSecond() % 60 == 0;
        for (CloudWatchRegion region : alarms.all()) {
            List<AlarmTransition> changed = new ArrayList<>();
            synchronized (region) {
                for (MetricAlarm alarm : region.all()) {
                    if (minute || alarm.definition.period() < 60) {
                        AlarmTransition t = evaluate(region, alarm, at);
                        if (t != null) {
                            changed.add(t);
                        }
                    }
                }
            }
            changed.forEach(t -> transitions.runActions(region, t));
        }
    }

    private AlarmTransition evaluate(CloudWatchRegion region, MetricAlarm alarm, Instant at) {
        AlarmDefinition d = alarm.definition;
        Stat stat = Stat.parse(d.stat());
        if (stat == null) {
            return null; // trimmed means and the like: accepted by PutMetricAlarm, not computed yet
        }
        Instant now = context.clock().now().truncatedTo(ChronoUnit.MILLIS);
        List<Datapoint> range = range(alarm, stat, at, now);
        AlarmEvaluator.Outcome outcome = AlarmEvaluator.evaluate(d, range, alarm.state.value(), now);
        if (outcome == null || outcome.value().equals(alarm.state.value())) {
            return null;
        }
        return transitions.apply(region, alarm,
                new AlarmState(outcome.value(), outcome.reason(), outcome.reasonData(), now));
    }

    /** The evaluation range: the periods that ended by {@code at}, oldest first, missing ones included. */
    private List<Datapoint> range(MetricAlarm alarm, Stat stat, Instant at, Instant now) {
        AlarmDefinition d = alarm.definition;
        long period = d.period();
        int size = AlarmEvaluator.evaluationRange(d.evaluationPeriods());
        Instant end = Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), period) * period);
        Instant start = end.minusSeconds(period * size);
        MetricKey key = new MetricKey(d.namespace(), d.metricName(), d.dimensions());
        Map<Instant, Bucket> buckets = new HashMap<>();
        for (Bucket b : metrics.get(alarm.accountId, alarm.region)
                .buckets(key, start, end, d.period(), d.unit(), false, now)) {
            buckets.put(b.timestamp(), b);
        }
        List<Datapoint> range = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Instant t = start.plusSeconds(period * i);
            Bucket b = buckets.get(t);
            Double value = b == null ? null : b.aggregate().value(stat);
            range.add(new Datapoint(t, value, b == null ? 0 : b.aggregate().sampleCount()));
        }
        return range;
    }
}
