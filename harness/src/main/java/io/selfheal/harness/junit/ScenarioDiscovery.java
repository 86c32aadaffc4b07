package io.selfheal.harness.junit;

import io.selfheal.harness.engine.Check;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioFiles;
import io.selfheal.harness.scenario.ScenarioLoader;
import io.selfheal.harness.yaml.InvalidFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * Turns directory, file, class-path root, package and unique-id selectors into scenario descriptors. A package
 * ({@code scenarios.ec2}) selects the scenario files under that resource folder in every class-path directory; a
 * class-path root, every scenario file under it.
 */
final class ScenarioDiscovery {
    static final String SCENARIO_SEGMENT = "scenario";
    static final String CHECK_SEGMENT = "check";

    private final ScenarioLoader loader = new ScenarioLoader();

    void discover(EngineDiscoveryRequest request, TestDescriptor engine) {
        Set<Path> files = new LinkedHashSet<>();
        request.getSelectorsByType(DirectorySelector.class).forEach(s -> files.addAll(ScenarioFiles.find(s.getPath())));
        request.getSelectorsByType(FileSelector.class).forEach(s -> files.addAll(ScenarioFiles.find(s.getPath())));
        for (ClasspathRootSelector s : request.getSelectorsByType(ClasspathRootSelector.class)) {
            if ("file".equals(s.getClasspathRoot().getScheme())) {
                files.addAll(ScenarioFiles.find(Path.of(s.getClasspathRoot())));
            }
        }
        request.getSelectorsByType(PackageSelector.class).forEach(s -> files.addAll(inPackage(s.getPackageName())));
        for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
            UniqueId id = s.getUniqueId();
            if (id.hasPrefix(engine.getUniqueId()) && id.getSegments().size() > 1
                    && id.getSegments().get(1).getType().equals(SCENARIO_SEGMENT)) {
                files.add(Path.of(id.getSegments().get(1).getValue()));
            }
        }
        Set<Path> seen = new LinkedHashSet<>();
        for (Path file : files) {
            Path normal = file.toAbsolutePath().normalize();
            if (seen.add(normal)) {
                engine.addChild(describe(engine.getUniqueId(), normal));
            }
        }
    }

    /** The scenario files under the resource folder of {@code packageName} in the class path's directories. */
    private static Set<Path> inPackage(String packageName) {
        Set<Path> out = new LinkedHashSet<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            for (URL url : Collections.list(loader.getResources(packageName.replace('.', '/')))) {
                if (url.getProtocol().equals("file")) {
                    out.addAll(ScenarioFiles.find(Path.of(url.toURI())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
        return out;
    }

    private TestDescriptor describe(UniqueId engineId, Path file) {
        UniqueId id = engineId.append(SCENARIO_SEGMENT, file.toString());
        try {
            Scenario scenario = loader.load(file);
            ScenarioDescriptor descriptor = new ScenarioDescriptor(id, scenario);
            FileSource source = FileSource.from(file.toFile());
            for (Check check : Check.of(scenario)) {
                descriptor.addChild(new CheckDescriptor(id.append(CHECK_SEGMENT, check.name()), scenario.name(),
                        check, check.displayName(scenario), source, descriptor.getTags()));
            }
            return descriptor;
        } catch (InvalidFileException e) {
            var first = e.problems().get(0);
            return new InvalidFileDescriptor(id, file, e,
                    FileSource.from(file.toFile(), FilePosition.from(first.line(), first.column())));
        }
    }
}
