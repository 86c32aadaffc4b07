package io.selfheal.harness.junit;

import io.selfheal.harness.yaml.InvalidFileException;
import java.nio.file.Path;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

/** A scenario file with mistakes: a test that fails with the list of problems, so a typo can't hide a scenario. */
final class InvalidFileDescriptor extends AbstractTestDescriptor implements Node<SelfhealExecutionContext> {
    private final InvalidFileException problems;

    InvalidFileDescriptor(UniqueId id, Path file, InvalidFileException problems, TestSource source) {
        super(id, file.getFileName() + " (invalid)", source);
        this.problems = problems;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public SelfhealExecutionContext execute(SelfhealExecutionContext context,
                                            DynamicTestExecutor dynamicTestExecutor) {
        throw new AssertionFailedError("invalid scenario file:\n" + problems.getMessage());
    }
}
