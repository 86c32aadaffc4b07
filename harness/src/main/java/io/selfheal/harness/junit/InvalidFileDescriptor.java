package io.selfheal.harness.junit;

import io.selfheal.harness.yaml.InvalidFileException;
import java.nio.file.Path;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/** A scenario file with mistakes: a test that fails with the list of problems, so a typo can't hide a scenario. */
final class InvalidFileDescriptor extends AbstractTestDescriptor {
    private final InvalidFileException problems;

    InvalidFileDescriptor(UniqueId id, Path file, InvalidFileException problems, TestSource source) {
        super(id, file.getFileName() + " (invalid)", source);
        this.problems = problems;
    }

    InvalidFileException problems() {
        return problems;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }
}
