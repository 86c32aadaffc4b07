package io.selfheal.harness.stack;

import io.selfheal.harness.yaml.YMap;

/**
 * The timings PutMetricAlarm refuses, checked at load time so that a scenario fails at its line instead of at
 * provisioning. Wording from the PutMetricAlarm API reference (parameters Period, EvaluationPeriods,
 * DatapointsToAlarm), which the emulator enforces the same way.
 */
final class AlarmLimits {
    private static final int ONE_HOUR = 3_600;
    private static final long ONE_DAY = 86_400;
    private static final long SEVEN_DAYS = 604_800;

    private AlarmLimits() {
    }

    /**
     * Reports an impossible period, evaluation range or M-of-N at the key that makes it so.
     *
     * @return whether the values are acceptable (a problem was reported otherwise)
     */
    static boolean check(YMap m, Integer period, Integer evaluationPeriods, Integer datapointsToAlarm) {
        boolean ok = atLeastOne(m, "period", period) & atLeastOne(m, "evaluationPeriods", evaluationPeriods)
                & atLeastOne(m, "datapointsToAlarm", datapointsToAlarm);
        if (!ok) {
            return false;
        }
        int p = period == null ? 300 : period;
        int n = evaluationPeriods == null ? 1 : evaluationPeriods;
        if (p != 10 && p != 20 && p != 30 && p % 60 != 0) {
            m.get("period").problem("an alarm's period is 10, 20, 30 or a multiple of 60 seconds (PutMetricAlarm: "
                    + "\"Valid values are 10, 20, 30, and any multiple of 60.\")");
            return false;
        }
        long total = (long) p * n;
        if (total > SEVEN_DAYS || p < ONE_HOUR && total > ONE_DAY) {
            String key = m.has("evaluationPeriods") ? "evaluationPeriods" : "period";
            m.get(key).problem("evaluationPeriods × period is " + n + " × " + p + " s = " + total + " s; "
                    + (p < ONE_HOUR ? "PutMetricAlarm: \"For alarms with a period of less than one hour (3,600 "
                    + "seconds), the total evaluation period can't be longer than one day (86,400 seconds).\""
                    : "PutMetricAlarm: \"Period multiplied by EvaluationPeriods can't be more than 604,800 "
                    + "seconds.\""));
            ok = false;
        }
        if (datapointsToAlarm != null && datapointsToAlarm > n) {
            m.get("datapointsToAlarm").problem("datapointsToAlarm " + datapointsToAlarm + " is more than "
                    + "evaluationPeriods " + n + " (the M of \"M out of N\" cannot exceed N)");
            ok = false;
        }
        return ok;
    }

    private static boolean atLeastOne(YMap m, String key, Integer value) {
        if (value != null && value < 1) {
            m.get(key).problem(key + " is at least 1");
            return false;
        }
        return true;
    }
}
