package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires enabled scheduled rules on the emulator clock. Each firing sends a "Scheduled Event" ({@code source}
 * {@code aws.events}, {@code resources} the rule ARN, {@code detail} {@code {}}, {@code time} the scheduled time)
 * straight to that rule's targets.
 *
 * <p>Times come from the emulator clock, not the scheduler's: one task on {@code context.scheduler()} wakes at the
 * next firing but at least every {@link #MAX_SLEEP}, so a clock that jumps (a virtual clock, a test's) is noticed
 * within a second, and every firing missed meanwhile is made, in order, with its own scheduled time (at most
 * {@link ScheduleExpression#MAX_CATCH_UP} per rule per wake-up; the rest are skipped). Waiting for a firing is not
 * in-flight work ("wait until idle" would never end); the delivery of one is.
 */
final class ScheduleRunner {
    private static final Logger LOG = Logger.getLogger(ScheduleRunner.class.getName());
    static final Duration MAX_SLEEP = Duration.ofSeconds(1);
    static final String SOURCE = "aws.events";
    static final String DETAIL_TYPE = "Scheduled Event";

    /** One enabled scheduled rule and its next firing. */
    private static final class Entry {
        final String accountId;
        final String region;
        final String busName;
        final String ruleName;
        final String expressionText;
        final ScheduleExpression expression;
        Instant next;

        Entry(Rule rule, String accountId, String region, ScheduleExpression expression, Instant next) {
            this.accountId = accountId;
            this.region = region;
            this.busName = rule.busName();
            this.ruleName = rule.name();
            this.expressionText = rule.scheduleExpression();
            this.expression = expression;
            this.next = next;
        }
    }

    private final EmulatorContext context;
    private final RegionalStore<EventsState> states;
    private final EventDispatcher dispatcher;
    /** By rule ARN, which names account, region, bus and rule. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** On a virtual clock: a clock timer at the earliest firing, so advancing time fires rules exactly. */
    private EmulatorClock.Timer virtualTimer;
    private ScheduledFuture<?> wakeUp;
    private boolean closed;

    ScheduleRunner(EmulatorContext context, RegionalStore<EventsState> states, EventDispatcher dispatcher) {
        this.context = context;
        this.states = states;
        this.dispatcher = dispatcher;
    }

    /**
     * A rule was put, enabled or disabled. An enabled scheduled rule is (re)started from now, so its first firing
     * is one period ahead for a rate; re-putting it with the same expression keeps its timing. Anything else stops.
     */
    synchronized void update(Rule rule, String accountId, String region) {
        Entry old = entries.get(rule.arn());
        if (rule.scheduleExpression() == null || !rule.enabled()) {
            entries.remove(rule.arn());
            return;
        }
        if (old != null && old.expressionText.equals(rule.scheduleExpression())) {
            return;
        }
        ScheduleExpression expression = ScheduleExpression.parse(rule.scheduleExpression());
        Instant next = expression.next(context.clock().now());
        if (next == null) {
            entries.remove(rule.arn());
            return;
        }
        entries.put(rule.arn(), new Entry(rule, accountId, region, expression, next));
        armVirtualTimer();
        wakeUpSoon();
    }

    synchronized void remove(String ruleArn) {
        entries.remove(ruleArn);
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized void close() {
        closed = true;
        entries.clear();
        if (wakeUp != null) {
            wakeUp.cancel(false);
        }
    }

    /** The next firing of a rule, or null when it is not scheduled (disabled, deleted, or past its last year). */
    synchronized Instant nextFiring(String ruleArn) {
        Entry entry = entries.get(ruleArn);
        return entry == null ? null : entry.next;
    }

    /**
     * Fires every firing due by the emulator clock's now, in order per rule. The wake-up task calls this; tests call
     * it directly after moving the clock.
     *
     * @return the number of firings made
     */
    synchronized int runDue() {
        Instant now = context.clock().now();
        int fired = 0;
        for (Map.Entry<String, Entry> e : new ArrayList<>(entries.entrySet())) {
            Entry entry = e.getValue();
            int caughtUp = 0;
            while (entry.next != null && !entry.next.isAfter(now)) {
                if (caughtUp == ScheduleExpression.MAX_CATCH_UP) {
                    LOG.warning("rule " + e.getKey() + " missed more than " + ScheduleExpression.MAX_CATCH_UP
                            + " firings while the clock jumped; skipping to the next one after " + now);
                    entry.next = entry.expression.nextAfter(entry.next, now);
                    break;
                }
                Rule rule = currentRule(entry);
                if (rule == null) {
                    entries.remove(e.getKey());
                    break;
                }
                fire(rule, entry, entry.next);
                fired++;
                caughtUp++;
                entry.next = entry.expression.next(entry.next);
            }
            if (entry.next == null) {
                entries.remove(e.getKey());
            }
        }
        return fired;
    }

    /** The rule as it is now, or null when it no longer fires on this schedule. */
    private Rule currentRule(Entry entry) {
        EventBus bus = states.get(entry.accountId, entry.region).existingBus(entry.busName);
        Rule rule = bus == null ? null : bus.rule(entry.ruleName);
        return rule != null && rule.enabled() && entry.expressionText.equals(rule.scheduleExpression()) ? rule : null;
    }

    private void fire(Rule rule, Entry entry, Instant scheduledTime) {
        EventBus bus = states.get(entry.accountId, entry.region).existingBus(entry.busName);
        ObjectNode event = EventEnvelope.of(context.ids(), SOURCE, DETAIL_TYPE, entry.accountId, scheduledTime, entry.region,
                List.of(rule.arn()), Json.object());
        dispatcher.dispatchToRule(bus, rule, event);
    }

    private void wakeUpSoon() {
        if (closed || (wakeUp != null && !wakeUp.isDone())) {
            return;
        }
        schedule(Duration.ZERO);
    }

    private void schedule(Duration delay) {
        try {
            wakeUp = context.scheduler().schedule(this::wakeUp, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            closed = true;
        }
    }

    private synchronized void wakeUp() {
        if (closed) {
            return;
        }
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "firing scheduled rules failed", e);
        }
        if (entries.isEmpty()) {
            wakeUp = null;
            return;
        }
        Instant now = context.clock().now();
        Duration sleep = MAX_SLEEP;
        for (Entry entry : entries.values()) {
            Duration until = Duration.between(now, entry.next);
            if (until.compareTo(sleep) < 0) {
                sleep = until;
            }
        }
        schedule(sleep);
        armVirtualTimer();
    }

    /**
     * A virtual clock moves only when advanced, and advancing runs clock timers, not the scheduler's: so the
     * earliest firing also gets a clock timer, and the rule fires at its instant while time is advanced through it.
     */
    private synchronized void armVirtualTimer() {
        if (closed || !context.clock().isVirtual()) {
            return;
        }
        if (virtualTimer != null) {
            virtualTimer.cancel();
            virtualTimer = null;
        }
        entries.values().stream().map(e -> e.next).min(Instant::compareTo)
                .ifPresent(at -> virtualTimer = context.clock().schedule(at, this::wakeUp));
    }
}
