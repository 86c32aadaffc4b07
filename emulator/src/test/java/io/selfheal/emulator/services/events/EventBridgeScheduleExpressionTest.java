package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Schedule expressions parsed and their next firings computed, without a clock. The cases are the user guide's own
 * examples ("Creating an Amazon EventBridge rule that runs on a schedule": cron and rate expressions), plus each
 * wildcard the cron reference describes. 2024-05-01 is a Wednesday.
 */
class EventBridgeScheduleExpressionTest {

    private static Instant next(String expression, String after) {
        return ScheduleExpression.parse(expression).next(Instant.parse(after));
    }

    @ParameterizedTest(name = "{0} after {1} fires at {2}")
    @CsvSource(delimiter = '|', value = {
        // "Run at 10:00 am (UTC+0) every day"
        "cron(0 10 * * ? *)            | 2024-05-01T09:59:30Z | 2024-05-01T10:00:00Z",
        "cron(0 10 * * ? *)            | 2024-05-01T10:00:00Z | 2024-05-02T10:00:00Z",
        // "Run at 12:15 pm (UTC+0) every day"
        "cron(15 12 * * ? *)           | 2024-05-01T12:15:59Z | 2024-05-02T12:15:00Z",
        // "Run at 6:00 pm (UTC+0) every Monday through Friday": Friday's, then Monday's
        "cron(0 18 ? * MON-FRI *)      | 2024-05-03T17:00:00Z | 2024-05-03T18:00:00Z",
        "cron(0 18 ? * MON-FRI *)      | 2024-05-03T18:00:00Z | 2024-05-06T18:00:00Z",
        // "Run at 8:00 am (UTC+0) every 1st day of the month"
        "cron(0 8 1 * ? *)             | 2024-05-01T08:00:00Z | 2024-06-01T08:00:00Z",
        // "Run every 15 minutes"
        "cron(0/15 * * * ? *)          | 2024-05-01T10:07:00Z | 2024-05-01T10:15:00Z",
        "cron(0/15 * * * ? *)          | 2024-05-01T10:45:00Z | 2024-05-01T11:00:00Z",
        // "Run every 10 minutes Monday through Friday": Friday night rolls over to Monday
        "cron(0/10 * ? * MON-FRI *)    | 2024-05-03T23:55:00Z | 2024-05-06T00:00:00Z",
        // "Run every 5 minutes Monday through Friday between 8:00 am and 5:55 pm"
        "cron(0/5 8-17 ? * MON-FRI *)  | 2024-05-01T17:50:00Z | 2024-05-01T17:55:00Z",
        "cron(0/5 8-17 ? * MON-FRI *)  | 2024-05-01T17:55:00Z | 2024-05-02T08:00:00Z",
        // "Run every 30 minutes Monday through Friday between 10:00 pm … and 2:00 am": a range that wraps
        "cron(0/30 20-2 ? * MON-FRI *) | 2024-05-06T02:30:00Z | 2024-05-06T20:00:00Z",
        "cron(0/30 20-2 ? * MON-FRI *) | 2024-05-06T23:30:00Z | 2024-05-07T00:00:00Z",
        // "runs every day, at 2:05pm and 2:35pm"
        "cron(5,35 14 * * ? *)         | 2024-05-01T14:05:00Z | 2024-05-01T14:35:00Z",
        // "10:15am UTC+0 on the last Friday of each month during the years 2019 to 2022"
        "cron(15 10 ? * 6L 2019-2022)  | 2018-06-01T00:00:00Z | 2019-01-25T10:15:00Z",
        "cron(15 10 ? * 6L 2019-2022)  | 2022-11-25T10:15:00Z | 2022-12-30T10:15:00Z",
        // "1/10 … every tenth minute, starting from the first minute of the hour"
        "cron(1/10 * * * ? *)          | 2024-05-01T10:01:00Z | 2024-05-01T10:11:00Z",
        // 3#2 "the second Tuesday of the month"
        "cron(0 9 ? * 3#2 *)           | 2024-05-01T00:00:00Z | 2024-05-14T09:00:00Z",
        // L in day-of-month: the last day, leap years included
        "cron(0 12 L * ? *)            | 2024-02-01T00:00:00Z | 2024-02-29T12:00:00Z",
        // L alone in day-of-week: the last day of the week, Saturday (1 is Sunday)
        "cron(0 12 ? * L *)            | 2024-05-01T00:00:00Z | 2024-05-04T12:00:00Z",
        // 3W: "the weekday closest to the third day of the month"; 2024-08-03 is a Saturday
        "cron(0 0 3W * ? *)            | 2024-08-01T00:00:00Z | 2024-08-02T00:00:00Z",
        // 1W on a Saturday the 1st: Monday the 3rd, never the month before
        "cron(0 0 1W * ? *)            | 2024-05-31T00:00:00Z | 2024-06-03T00:00:00Z",
        // 30W on a Sunday the 30th, the last day: Friday the 28th
        "cron(0 0 30W * ? *)           | 2024-06-01T00:00:00Z | 2024-06-28T00:00:00Z",
        // names and numbers alike: JAN-MAR, 1 = SUN
        "cron(0 0 ? JAN-MAR 1 *)       | 2024-03-31T00:00:00Z | 2025-01-05T00:00:00Z",
        // seconds never count: a minute boundary already passed by a second is not fired again
        "cron(* * * * ? *)             | 2024-05-01T10:00:01Z | 2024-05-01T10:01:00Z",
    })
    void cronExpressionsFireAtTheDocumentedTimes(String expression, String after, String expected) {
        assertThat(next(expression, after)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void aCronWhoseYearsArePastNeverFiresAgain() {
        assertThat(next("cron(15 10 ? * 6L 2019-2022)", "2022-12-30T10:15:00Z")).isNull();
        assertThat(next("cron(0 0 1 1 ? 2199)", "2199-01-01T00:00:00Z")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "rate(1 minute)   | PT1M",
        "rate(5 minutes)  | PT5M",
        "rate(1 hour)     | PT1H",
        "rate(12 hours)   | PT12H",
        "rate(1 day)      | PT24H",
        "rate(7 days)     | PT168H",
    })
    void aRateFiresOnePeriodAfterThePreviousFiring(String expression, Duration period) {
        // "A rate expression starts when you create the scheduled event rule": the first firing is a period later.
        Instant created = Instant.parse("2024-05-01T10:00:30.250Z");
        ScheduleExpression rate = ScheduleExpression.parse(expression);
        assertThat(rate.next(created)).isEqualTo(created.plus(period));
        assertThat(rate.next(created.plus(period))).isEqualTo(created.plus(period.multipliedBy(2)));
    }

    @Test
    void nextAfterSkipsFiringsMissedWhileTheClockJumped() {
        Instant created = Instant.parse("2024-05-01T10:00:00Z");
        Instant now = Instant.parse("2026-05-01T10:07:00Z");
        assertThat(ScheduleExpression.parse("rate(5 minutes)").nextAfter(created, now))
                .isEqualTo(Instant.parse("2026-05-01T10:10:00Z"));
        assertThat(ScheduleExpression.parse("cron(0/15 * * * ? *)").nextAfter(created, now))
                .isEqualTo(Instant.parse("2026-05-01T10:15:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // rate: "rate(1 hours) and rate(5 hour) aren't valid"; a positive whole number of minutes, hours or days
        "rate(1 hours)", "rate(5 hour)", "rate(0 minutes)", "rate(-5 minutes)", "rate(1.5 hours)", "rate(5 seconds)",
        "rate(5 weeks)", "rate(5minutes)", "rate(5 minutes", "rate()",
        // cron: six fields; ? in exactly one of the day fields
        "cron(0 10 * * ?)", "cron(0 10 * * ? * *)", "cron(7 20 * * 1-7 *)", "cron(0 10 * * * *)",
        "cron(0 10 ? * ? *)",
        // values out of range
        "cron(60 * * * ? *)", "cron(0 24 * * ? *)", "cron(0 0 32 * ? *)", "cron(0 0 0 * ? *)", "cron(0 0 ? 13 * *)",
        "cron(0 0 ? * 8 *)", "cron(0 0 1 * ? 1969)", "cron(0 0 1 * ? 2200)", "cron(0 0 1 * ? 2022-2019)",
        // wildcards where the reference does not allow them
        "cron(L * * * ? *)", "cron(0 0 ? * 3#6 *)", "cron(0 0 ? * 3#1,6#3 *)", "cron(0 0 1,L * ? *)",
        "cron(0 0 ? * MON-FUN *)", "cron(0/0 * * * ? *)", "cron(0 0 1 * ? *",
        // neither
        "every 5 minutes", "at(2024-05-01T10:00:00)", "",
    })
    void expressionsAwsRefusesAreRefused(String expression) {
        assertThatThrownBy(() -> ScheduleExpression.parse(expression)).isInstanceOf(IllegalArgumentException.class);
    }
}
