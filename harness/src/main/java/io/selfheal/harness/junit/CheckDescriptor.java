package io.selfheal.harness.junit;

import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * One check of a scenario ({@code outcome}, {@code recovery}, {@code idempotency[-mode]}). Its tags are the
 * scenario's plus the check's kind ({@code outcome}, {@code recovery}, {@code idempotency}): the platform filters tests
 * by their own tags, so {@code mvn verify -Dgroups=ec2} or {@code -DexcludedGroups=idempotency} select checks.
 */
final class CheckDescriptor extends AbstractTestDescriptor {
    private final String check;
    private final Set<TestTag> tags;

    /** The display name names the scenario too: Surefire's reports show a test's name without its container. */
    CheckDescriptor(UniqueId id, String scenario, String check, String displayName, TestSource source,
                    Set<TestTag> scenarioTags) {
        super(id, scenario + " › " + displayName, source);
        this.check = check;
        Set<TestTag> all = new LinkedHashSet<>(scenarioTags);
        String kind = check.startsWith("idempotency") ? "idempotency" : check;
        if (TestTag.isValid(kind)) {
            all.add(TestTag.create(kind));
        }
        this.tags = Set.copyOf(all);
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    String check() {
        return check;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
