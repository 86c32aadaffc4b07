package io.selfheal.harness.junit;

import io.selfheal.harness.engine.ScenarioRun;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioFiles;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.yaml.InvalidFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/** Turns directory, file and unique-id selectors into scenario descriptors. */
final class ScenarioDiscovery {
    static final String SCENARIO_SEGMENT = "scenario";
    static final String CHECK_SEGMENT = "check";

    private final ScenarioLoader loader = new ScenarioLoader();

    void discover(EngineDiscoveryRequest request, TestDescriptor engine) {
        Set<Path> files = new LinkedHashSet<>();
        request.getSelectorsByType(DirectorySelector.class).forEach(s -> files.addAll(ScenarioFiles.find(s.getPath())));
        request.getSelectorsByType(FileSelector.class).forEach(s -> files.addAll(ScenarioFiles.find(s.getPath())));
        for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
            UniqueId id = s.getUniqueId();
            if (id.hasPrefix(engine.getUniqueId()) && id.getSegments().size() > 1
                    && id.getSegments().get(1).getType().equals(SCENARIO_SEGMENT)) {
                files.add(Path.of(id.getSegments().get(1).getValue()));
            }
        }
        for (Path file : files) {
            engine.addChild(describe(engine.getUniqueId(), file.toAbsolutePath().normalize()));
        }
    }

    /** "outcome", "recovery (within PT15M)", "idempotency (3 concurrent redeliveries)". */
    static String displayName(Scenario scenario, String check) {
        if (check.equals("recovery")) {
            return "recovery (within " + scenario.recovery().within() + ")";
        }
        if (!check.startsWith("idempotency")) {
            return check;
        }
        Scenario.Idempotency idempotency = scenario.idempotency();
        String mode = check.equals("idempotency") ? "sequential" : check.substring("idempotency-".length());
        return "idempotency (" + idempotency.redeliver() + " " + mode + " redeliver"
                + (idempotency.redeliver() == 1 ? "y" : "ies")
                + (mode.equals("late") ? " " + idempotency.lateBy() + " later" : "") + ")";
    }

    private TestDescriptor describe(UniqueId engineId, Path file) {
        UniqueId id = engineId.append(SCENARIO_SEGMENT, file.toString());
        try {
            Scenario scenario = loader.load(file);
            ScenarioDescriptor descriptor = new ScenarioDescriptor(id, scenario);
            FileSource source = FileSource.from(file.toFile());
            for (String check : ScenarioRun.checkNames(scenario)) {
                descriptor.addChild(new CheckDescriptor(id.append(CHECK_SEGMENT, check), scenario.name(), check,
                        displayName(scenario, check), source, descriptor.getTags()));
            }
            return descriptor;
        } catch (InvalidFileException e) {
            var first = e.problems().get(0);
            return new InvalidFileDescriptor(id, file, e,
                    FileSource.from(file.toFile(), FilePosition.from(first.line(), first.column())));
        }
    }
}
