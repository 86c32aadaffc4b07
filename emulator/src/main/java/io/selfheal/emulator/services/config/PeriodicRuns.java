package io.selfheal.emulator.services.config;

import io.selfheal.emulator.core.EmulatorClock;

/**
 * Runs periodic rules every {@code MaximumExecutionFrequency} on the emulator clock, counted from the rule's last
 * put, so the virtual clock drives them in scenarios.
 */
final class PeriodicRuns {
    private final EmulatorClock clock;
    private final RuleEvaluator evaluator;

    PeriodicRuns(EmulatorClock clock, RuleEvaluator evaluator) {
        this.clock = clock;
        this.evaluator = evaluator;
    }

    /** (Re)starts a rule's periodic runs after it is put; a rule that is not periodic has none. Holds the region. */
    void schedule(RulesRegion region, ConfigRule rule) {
        cancel(rule);
        ExecutionFrequency frequency = rule.definition.periodic();
        if (frequency == null || rule.deleted) {
            return;
        }
        rule.periodic = clock.schedule(frequency.interval, () -> {
            synchronized (region) {
                if (rule.deleted || region.rules.get(rule.name()) != rule) {
                    return;
                }
                evaluator.evaluateAll(region, rule);
                schedule(region, rule);
            }
        });
    }

    void cancel(ConfigRule rule) {
        if (rule.periodic != null) {
            rule.periodic.cancel();
            rule.periodic = null;
        }
    }
}
