package io.selfheal.harness.junit;

import io.selfheal.harness.engine.Check;
import io.selfheal.harness.engine.CheckResult;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/**
 * One check of a scenario ({@code outcome}, {@code recovery}, {@code idempotency[-mode]}). Its tags are the
 * scenario's plus the check's kind ({@code outcome}, {@code recovery}, {@code idempotency}): the platform filters tests
 * by their own tags, so {@code mvn verify -Dgroups=ec2} or {@code -DexcludedGroups=idempotency} select checks. Checks
 * run in order, on their scenario's thread: each builds on the run the ones before left.
 */
final class CheckDescriptor extends AbstractTestDescriptor implements Node<SelfhealExecutionContext> {
    private final Check check;
    private final Set<TestTag> tags;

    /** The display name names the scenario too: Surefire's reports show a test's name without its container. */
    CheckDescriptor(UniqueId id, String scenario, Check check, String displayName, TestSource source,
                    Set<TestTag> scenarioTags) {
        super(id, scenario + " › " + displayName, source);
        this.check = check;
        Set<TestTag> all = new LinkedHashSet<>(scenarioTags);
        all.add(TestTag.create(check.kind().tag()));
        this.tags = Set.copyOf(all);
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public ExecutionMode getExecutionMode() {
        return ExecutionMode.SAME_THREAD;
    }

    @Override
    public SelfhealExecutionContext execute(SelfhealExecutionContext context,
                                            DynamicTestExecutor dynamicTestExecutor) {
        CheckResult result = context.driver().verify(check);
        if (result.isSkipped()) {
            // Aborted, not failed: the check may be right; this cloud cannot run it.
            throw new org.opentest4j.TestAbortedException(result.skipReason());
        }
        if (!result.passed()) {
            throw new AssertionFailedError(result.message());
        }
        return context;
    }
}
