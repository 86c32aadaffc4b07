package io.selfheal.emulator.services.events;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cron(minutes hours day-of-month month day-of-week year)} in UTC, as the user guide's "Cron expressions
 * reference" defines it: the wildcards {@code , - * /} in every field; {@code ?} in exactly one of day-of-month and
 * day-of-week (a value or {@code *} in one requires {@code ?} in the other); {@code L} and {@code nW} in
 * day-of-month; {@code L}, {@code nL} (last such weekday of the month) and {@code n#k} (the k-th such weekday) in
 * day-of-week, where 1 is Sunday. A range may wrap ({@code 20-2} in hours is the documented "10 pm to 2 am").
 */
final class CronExpression implements ScheduleExpression {
    static final int FIRST_YEAR = 1970;
    static final int LAST_YEAR = 2199;
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("JAN", 1), Map.entry("FEB", 2),
            Map.entry("MAR", 3), Map.entry("APR", 4), Map.entry("MAY", 5), Map.entry("JUN", 6), Map.entry("JUL", 7),
            Map.entry("AUG", 8), Map.entry("SEP", 9), Map.entry("OCT", 10), Map.entry("NOV", 11),
            Map.entry("DEC", 12));
    private static final Map<String, Integer> DAYS = Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5,
            "FRI", 6, "SAT", 7);
    private static final Pattern NEAREST_WEEKDAY = Pattern.compile("([0-9]{1,2})W");
    private static final Pattern LAST_WEEKDAY_OF_MONTH = Pattern.compile("([1-7]|[A-Za-z]{3})L");
    private static final Pattern NTH_WEEKDAY = Pattern.compile("([1-7]|[A-Za-z]{3})#([1-5])");

    private final String text;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet months;
    private final BitSet years;
    private final Predicate<LocalDate> day;

    private CronExpression(String text, BitSet minutes, BitSet hours, BitSet months, BitSet years,
                           Predicate<LocalDate> day) {
        this.text = text;
        this.minutes = minutes;
        this.hours = hours;
        this.months = months;
        this.years = years;
        this.day = day;
    }

    /**
     * @param fields the text between {@code cron(} and {@code )}
     * @throws IllegalArgumentException when AWS would refuse it
     */
    static CronExpression parse(String fields) {
        String[] f = fields.trim().split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("a cron expression has six fields, not " + f.length + ": " + fields);
        }
        boolean domAny = f[2].equals("?");
        boolean dowAny = f[4].equals("?");
        if (domAny == dowAny) {
            throw new IllegalArgumentException("exactly one of day-of-month and day-of-week must be ?: " + fields);
        }
        Predicate<LocalDate> day = domAny ? dayOfWeek(f[4]) : dayOfMonth(f[2]);
        return new CronExpression(fields, values(f[0], 0, 59, Map.of(), true), values(f[1], 0, 23, Map.of(), true),
                values(f[3], 1, 12, MONTHS, true), values(f[5], FIRST_YEAR, LAST_YEAR, Map.of(), false), day);
    }

    @Override
    public Instant next(Instant previous) {
        ZonedDateTime start = previous.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        LocalDate date = start.toLocalDate();
        int fromMinute = start.getHour() * 60 + start.getMinute();
        while (date.getYear() <= LAST_YEAR) {
            if (date.getYear() < FIRST_YEAR || !years.get(date.getYear())) {
                int nextYear = years.nextSetBit(Math.max(date.getYear() + 1, FIRST_YEAR));
                if (nextYear < 0) {
                    return null;
                }
                date = LocalDate.of(nextYear, 1, 1);
                fromMinute = 0;
                continue;
            }
            if (!months.get(date.getMonthValue())) {
                date = date.withDayOfMonth(1).plusMonths(1);
                fromMinute = 0;
                continue;
            }
            if (day.test(date)) {
                int minuteOfDay = firstTimeFrom(fromMinute);
                if (minuteOfDay >= 0) {
                    return date.atStartOfDay(ZoneOffset.UTC).plusMinutes(minuteOfDay).toInstant();
                }
            }
            date = date.plusDays(1);
            fromMinute = 0;
        }
        return null;
    }

    /** The first matching minute of a matching day at or after {@code fromMinute}, or -1. */
    private int firstTimeFrom(int fromMinute) {
        for (int hour = hours.nextSetBit(fromMinute / 60); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
            int minute = minutes.nextSetBit(hour == fromMinute / 60 ? fromMinute % 60 : 0);
            if (minute >= 0) {
                return hour * 60 + minute;
            }
        }
        return -1;
    }

    private static Predicate<LocalDate> dayOfMonth(String field) {
        if (field.equals("L")) {
            return d -> d.getDayOfMonth() == d.lengthOfMonth();
        }
        Matcher w = NEAREST_WEEKDAY.matcher(field);
        if (w.matches()) {
            int target = number(w.group(1), 1, 31);
            return d -> target <= d.lengthOfMonth() && d.getDayOfMonth() == nearestWeekday(d, target);
        }
        BitSet days = values(field, 1, 31, Map.of(), true);
        return d -> days.get(d.getDayOfMonth());
    }

    /**
     * {@code nW}: the weekday closest to day n, without leaving the month (Quartz's semantics, which the user guide's
     * "the weekday closest to the third day of the month" follows).
     */
    private static int nearestWeekday(LocalDate d, int target) {
        DayOfWeek dow = d.withDayOfMonth(target).getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY) {
            return target == 1 ? 3 : target - 1;
        }
        if (dow == DayOfWeek.SUNDAY) {
            return target == d.lengthOfMonth() ? target - 2 : target + 1;
        }
        return target;
    }

    private static Predicate<LocalDate> dayOfWeek(String field) {
        if (field.equals("L")) {
            return d -> awsDay(d) == 7;
        }
        Matcher last = LAST_WEEKDAY_OF_MONTH.matcher(field);
        if (last.matches()) {
            int dow = dayValue(last.group(1));
            return d -> awsDay(d) == dow && d.getDayOfMonth() + 7 > d.lengthOfMonth();
        }
        Matcher nth = NTH_WEEKDAY.matcher(field);
        if (nth.matches()) {
            int dow = dayValue(nth.group(1));
            int k = Integer.parseInt(nth.group(2));
            return d -> awsDay(d) == dow && (d.getDayOfMonth() - 1) / 7 + 1 == k;
        }
        if (field.contains("#") || field.contains("L")) {
            // "3#1,6#3" is two expressions, which the guide says is not valid.
            throw new IllegalArgumentException("# and L stand alone in day-of-week: " + field);
        }
        BitSet days = values(field, 1, 7, DAYS, true);
        return d -> days.get(awsDay(d));
    }

    /** 1 = Sunday … 7 = Saturday. */
    private static int awsDay(LocalDate d) {
        return d.getDayOfWeek().getValue() % 7 + 1;
    }

    private static int dayValue(String token) {
        Integer named = DAYS.get(token.toUpperCase(Locale.ROOT));
        return named != null ? named : number(token, 1, 7);
    }

    /** A field of comma-separated values, ranges ({@code a-b}, wrapping when {@code wrap}) and steps. */
    static BitSet values(String field, int min, int max, Map<String, Integer> names, boolean wrap) {
        BitSet set = new BitSet(max + 1);
        for (String part : field.split(",", -1)) {
            String range = part;
            int step = 1;
            boolean stepped = false;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = number(part.substring(slash + 1), 1, max - min + 1);
                stepped = true;
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else {
                int dash = range.indexOf('-');
                if (dash >= 0) {
                    from = value(range.substring(0, dash), min, max, names);
                    to = value(range.substring(dash + 1), min, max, names);
                    if (from > to && !wrap) {
                        throw new IllegalArgumentException("backwards range " + range);
                    }
                } else {
                    from = value(range, min, max, names);
                    to = stepped ? max : from;
                }
            }
            int span = max - min + 1;
            int count = ((to - from) % span + span) % span + 1;
            for (int i = 0; i < count; i += step) {
                set.set(min + (from - min + i) % span);
            }
        }
        return set;
    }

    private static int value(String token, int min, int max, Map<String, Integer> names) {
        Integer named = names.get(token.toUpperCase(Locale.ROOT));
        return named != null ? named : number(token, min, max);
    }

    private static int number(String token, int min, int max) {
        if (!token.matches("[0-9]{1,4}")) {
            throw new IllegalArgumentException("not a number: '" + token + "'");
        }
        int n = Integer.parseInt(token);
        if (n < min || n > max) {
            throw new IllegalArgumentException(n + " is outside " + min + "-" + max);
        }
        return n;
    }

    @Override
    public String toString() {
        return "cron(" + text + ")";
    }
}
