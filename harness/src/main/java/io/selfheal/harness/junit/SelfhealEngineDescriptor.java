package io.selfheal.harness.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The engine's root: once every scenario ran, writes the HTML report; a report that cannot be written fails. */
final class SelfhealEngineDescriptor extends EngineDescriptor implements Node<SelfhealExecutionContext> {

    SelfhealEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "selfheal scenarios");
    }

    @Override
    public void after(SelfhealExecutionContext context) {
        if (context.reportDir().equals("off") || context.report().reports().isEmpty()) {
            return;
        }
        try {
            context.report().write(Path.of(context.reportDir()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the selfheal report to " + context.reportDir(), e);
        }
    }
}
