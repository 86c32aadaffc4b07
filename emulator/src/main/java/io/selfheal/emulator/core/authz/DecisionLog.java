package io.selfheal.emulator.core.authz;

import io.selfheal.emulator.core.BoundedHistory;
import io.selfheal.emulator.core.Retention;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every IAM decision made (allowed and denied), in order, bounded by {@link Retention#DECISIONS}: the control API's
 * {@code /_selfheal/iam/decisions} and the harness's least-privilege report read it instead of evaluating again.
 */
public final class DecisionLog {
    private final BoundedHistory<AuthorizationDecision> decisions;

    public DecisionLog(Retention retention) {
        decisions = retention.history(Retention.DECISIONS, DecisionLog::estimatedBytes);
    }

    private static long estimatedBytes(AuthorizationDecision d) {
        return 160L + d.principalArn().length() + d.action().length() + d.resource().length()
                + (d.matchedStatement() == null ? 0 : d.matchedStatement().length());
    }

    public void record(AuthorizationDecision decision) {
        decisions.add(decision);
    }

    public List<AuthorizationDecision> all() {
        return decisions.all();
    }

    public List<AuthorizationDecision> matching(Predicate<? super AuthorizationDecision> filter) {
        return decisions.matching(filter);
    }

    public void clear() {
        decisions.clear();
    }
}
