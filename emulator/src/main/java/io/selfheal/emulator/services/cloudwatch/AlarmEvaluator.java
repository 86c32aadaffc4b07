package io.selfheal.emulator.services.cloudwatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decides a metric alarm's state from its evaluation range, as the CloudWatch User Guide describes it in "Using
 * Amazon CloudWatch alarms" (Period, EvaluationPeriods N, DatapointsToAlarm M: "M out of N") and "Configuring how
 * CloudWatch alarms treat missing data":
 * <ul>
 *   <li>CloudWatch reads more periods than N (the <em>evaluation range</em>: 5 for N = 3 in the guide's tables, so
 *       N + 2 here) so that missing recent periods can be made up by older real datapoints; the N most recent real
 *       datapoints are evaluated;</li>
 *   <li>when fewer than N exist, the rest are filled as TreatMissingData says: {@code breaching},
 *       {@code notBreaching}, left unknown ({@code missing}, {@code ignore}). With {@code missing}, no data at all is
 *       INSUFFICIENT_DATA; with {@code ignore}, the state is kept unless the real datapoints decide it;</li>
 *   <li>with {@code missing} and {@code ignore}, fewer than M breaching among real datapoints of which one does not
 *       breach is OK (the guide's 2-of-3 rows {@code 0 - X - -}, {@code - - - - 0});</li>
 *   <li>"Avoiding premature transitions to alarm state": with {@code missing}, an alarm whose real evaluated
 *       datapoints all breach goes to ALARM when the oldest breaching datapoint of the last N periods is at least M
 *       periods old and every more recent one is breaching or missing; otherwise the state is kept.</li>
 * </ul>
 * Pure: no clock, no store; {@link AlarmEvaluation} feeds it.
 */
final class AlarmEvaluator {
    /** A decided state with its reason; {@code value} equal to the current state means no transition. */
    record Outcome(String value, String reason, String reasonData) {
    }

    private AlarmEvaluator() {
    }

    /** Periods read for an alarm of N evaluation periods. */
    static int evaluationRange(int evaluationPeriods) {
        return evaluationPeriods + 2;
    }

    /**
     * @param range   the evaluation range, oldest period first, one entry per period (missing ones included)
     * @param current the alarm's state value now
     * @return the new state, or null when the evaluation keeps the current state whatever it is
     */
    static Outcome evaluate(AlarmDefinition d, List<Datapoint> range, String current, Instant queryDate) {
        int n = d.evaluationPeriods();
        int m = d.datapoints();
        List<Datapoint> real = range.stream().filter(p -> !p.missing()).toList();
        List<Datapoint> evaluated = new ArrayList<>(real.subList(Math.max(0, real.size() - n), real.size()));
        int fill = n - evaluated.size();
        List<Datapoint> missingSlots = range.stream().filter(Datapoint::missing).toList();
        List<Datapoint> filled = missingSlots.subList(Math.max(0, missingSlots.size() - fill), missingSlots.size());
        List<Datapoint> shown = new ArrayList<>(evaluated);
        shown.addAll(filled);
        shown.sort(Comparator.comparing(Datapoint::timestamp).reversed());
        AlarmReason reason = new AlarmReason(d, range, shown, queryDate);
        long breaching = evaluated.stream().filter(p -> breaches(d, p.value())).count();

        if (fill == 0) {
            return breaching >= m ? reason.threshold("ALARM", current, breaching, 0)
                    : reason.threshold("OK", current, n - breaching, 0);
        }
        switch (d.missingData()) {
            case "breaching":
                if (evaluated.isEmpty()) {
                    return reason.allMissing("ALARM", "Breaching");
                }
                return breaching + fill >= m ? reason.threshold("ALARM", current, breaching, fill)
                        : reason.threshold("OK", current, evaluated.size() - breaching, 0);
            case "notBreaching":
                if (evaluated.isEmpty()) {
                    return reason.allMissing("OK", "NonBreaching");
                }
                return breaching >= m ? reason.threshold("ALARM", current, breaching, 0)
                        : reason.threshold("OK", current, evaluated.size() - breaching, fill);
            case "ignore":
                return evaluated.isEmpty() ? null : undecided(d, reason, current, breaching, fill, false, range);
            default:
                if (evaluated.isEmpty()) {
                    return reason.insufficientData(n);
                }
                return undecided(d, reason, current, breaching, fill, true, range);
        }
    }

    /**
     * Some datapoints are unknown: ALARM when M real ones breach, OK when a real one does not, else only the premature
     * rule (with {@code missing}) decides; otherwise the state is kept.
     */
    private static Outcome undecided(AlarmDefinition d, AlarmReason reason, String current, long breaching, int fill,
                                     boolean premature, List<Datapoint> range) {
        int m = d.datapoints();
        if (breaching >= m) {
            return reason.threshold("ALARM", current, breaching, 0);
        }
        // "If fewer than the value of Datapoints to Alarm are breaching, the alarm state is set to OK": a real
        // non-breaching datapoint among those evaluated settles it, even where the unknown ones could have reached M
        // (the guide's 2-of-3 rows "0 - X - -" and "- - - - 0" are OK under missing and ignore).
        if (breaching < d.evaluationPeriods() - fill) {
            return reason.threshold("OK", current, d.evaluationPeriods() - fill - breaching, 0);
        }
        if (premature && oldestBreachingAgeWithNothingBetter(d, range) >= m) {
            return reason.threshold("ALARM", current, breaching, 0);
        }
        return null;
    }

    /**
     * In the last N periods: how many periods old (1 = newest) the oldest breaching datapoint is, provided every more
     * recent period is breaching or missing; 0 when there is none or a later datapoint is not breaching.
     */
    private static int oldestBreachingAgeWithNothingBetter(AlarmDefinition d, List<Datapoint> range) {
        int n = d.evaluationPeriods();
        List<Datapoint> last = range.subList(Math.max(0, range.size() - n), range.size());
        for (int i = 0; i < last.size(); i++) {
            Datapoint p = last.get(i);
            if (p.missing()) {
                continue;
            }
            if (!breaches(d, p.value())) {
                return 0;
            }
            for (Datapoint later : last.subList(i + 1, last.size())) {
                if (!later.missing() && !breaches(d, later.value())) {
                    return 0;
                }
            }
            return last.size() - i;
        }
        return 0;
    }

    static boolean breaches(AlarmDefinition d, double value) {
        double t = d.threshold();
        return switch (d.comparisonOperator()) {
            case "GreaterThanOrEqualToThreshold" -> value >= t;
            case "GreaterThanThreshold" -> value > t;
            case "LessThanThreshold" -> value < t;
            case "LessThanOrEqualToThreshold" -> value <= t;
            default -> false;
        };
    }
}
