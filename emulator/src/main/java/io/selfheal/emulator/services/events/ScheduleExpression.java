package io.selfheal.emulator.services.events;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scheduled rule's {@code ScheduleExpression}, {@code rate(…)} or {@code cron(…)}, as the user guide's "Creating a
 * rule that runs on a schedule" defines them. Pure: the next firing is a function of the previous one, so the
 * calculation is tested without a clock and the {@link ScheduleRunner} can follow any clock, real or virtual.
 */
sealed interface ScheduleExpression permits ScheduleExpression.Rate, CronExpression {

    /** The most firings of one rule caught up in one go after the clock jumped (a day of {@code rate(1 minute)}). */
    int MAX_CATCH_UP = 1440;

    /**
     * @throws IllegalArgumentException when AWS would refuse the expression
     */
    static ScheduleExpression parse(String text) {
        if (text.startsWith("rate(")) {
            return Rate.parse(text);
        }
        if (text.startsWith("cron(") && text.endsWith(")")) {
            return CronExpression.parse(text.substring("cron(".length(), text.length() - 1));
        }
        throw new IllegalArgumentException("neither rate(…) nor cron(…): " + text);
    }

    /**
     * The first firing strictly after {@code previous}: the rule's creation (or enabling) time for the first firing,
     * the last firing after that; null when the schedule never fires again (a cron year range in the past).
     */
    Instant next(Instant previous);

    /** The first firing strictly after {@code now}, counting from {@code previous}: skips firings missed. */
    default Instant nextAfter(Instant previous, Instant now) {
        Instant next = next(previous);
        while (next != null && !next.isAfter(now)) {
            next = next(next);
        }
        return next;
    }

    /**
     * {@code rate(value unit)}: "A rate expression starts when you create the scheduled event rule", so the first
     * firing is one period after creation. A value of 1 takes the singular unit, any other the plural.
     */
    record Rate(long value, String unit, Duration period) implements ScheduleExpression {
        private static final Pattern RATE = Pattern.compile("rate\\(([1-9][0-9]*) (minute|minutes|hour|hours|day|days)\\)");

        static Rate parse(String text) {
            Matcher m = RATE.matcher(text);
            if (!m.matches()) {
                throw new IllegalArgumentException("not rate(<positive integer> <unit>): " + text);
            }
            long value;
            try {
                value = Long.parseLong(m.group(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rate value out of range: " + m.group(1));
            }
            String unit = m.group(2);
            boolean plural = unit.endsWith("s");
            if (plural == (value == 1)) {
                throw new IllegalArgumentException("rate(1 …) takes the singular unit, other values the plural: "
                        + text);
            }
            Duration one = switch (unit) {
                case "minute", "minutes" -> Duration.ofMinutes(1);
                case "hour", "hours" -> Duration.ofHours(1);
                default -> Duration.ofDays(1);
            };
            // Schedules past the year 2199 (cron's last year) are pointless; refuse what would overflow.
            if (value > 200L * 366 * 24 * 60) {
                throw new IllegalArgumentException("rate too long: " + text);
            }
            return new Rate(value, unit, one.multipliedBy(value));
        }

        @Override
        public Instant next(Instant previous) {
            return previous.plus(period);
        }

        /** Arithmetic instead of stepping: a virtual clock may jump years ahead. */
        @Override
        public Instant nextAfter(Instant previous, Instant now) {
            if (now.isBefore(previous)) {
                return previous.plus(period);
            }
            long periods = Duration.between(previous, now).toMillis() / period.toMillis() + 1;
            return previous.plus(period.multipliedBy(periods));
        }
    }
}
