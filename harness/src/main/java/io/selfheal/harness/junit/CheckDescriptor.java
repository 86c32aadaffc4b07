package io.selfheal.harness.junit;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** One check of a scenario ({@code outcome}, {@code recovery}, {@code idempotency[-mode]}). */
final class CheckDescriptor extends AbstractTestDescriptor {
    private final String check;

    /** The display name names the scenario too: Surefire's reports show a test's name without its container. */
    CheckDescriptor(UniqueId id, String scenario, String check, String displayName, TestSource source) {
        super(id, scenario + " › " + displayName, source);
        this.check = check;
    }

    String check() {
        return check;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
