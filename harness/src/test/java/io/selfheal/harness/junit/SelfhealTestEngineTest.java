package io.selfheal.harness.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.nio.file.Path;
import io.selfheal.harness.engine.ScenarioResult;
import io.selfheal.harness.engine.ScenarioRunner;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.testkit.engine.EngineTestKit;

class SelfhealTestEngineTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/scenarios");

    @Test
    void aScenarioIsAContainerOfItsChecks() {
        TestDescriptor root = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("valid/full.yaml").toString()))
                .discover().getEngineDescriptor();
        assertThat(root.getChildren()).singleElement().satisfies(scenario -> {
            assertThat(scenario.getDisplayName()).isEqualTo("full-example");
            assertThat(scenario.getTags()).extracting(t -> t.getName()).containsExactlyInAnyOrder("ec2", "example");
            assertThat(scenario.getChildren()).extracting(TestDescriptor::getDisplayName)
                    .containsExactly("full-example › outcome", "full-example › nothing lost",
                            "full-example › idempotency (3 sequential redeliveries)");
            // the platform filters tests by their own tags (-Dgroups=…): each check carries the scenario's and its kind
            assertThat(scenario.getChildren()).extracting(c -> c.getTags().stream().map(t -> t.getName()).sorted()
                    .toList()).containsExactly(List.of("ec2", "example", "outcome"),
                    List.of("ec2", "example", "nothing-lost"), List.of("ec2", "example", "idempotency"));
        });
    }

    @Test
    void tagsSelectChecks() {
        var results = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("valid/full.yaml").toString()))
                .filters(org.junit.platform.launcher.TagFilter.includeTags("nosuchtag"))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(0));
        var outcomesOnly = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("valid/full.yaml").toString()))
                .filters(org.junit.platform.launcher.TagFilter.excludeTags("idempotency", "nothing-lost"))
                .execute();
        outcomesOnly.testEvents().assertStatistics(stats -> stats.started(1));
        assertThat(outcomesOnly.testEvents().started().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .containsExactly("full-example › outcome");
    }

    @Test
    void everyInvalidFileIsAFailingTestCarryingItsPositions() throws java.io.IOException {
        int files;
        try (var list = java.nio.file.Files.list(SCENARIOS.resolve("broken"))) {
            files = (int) list.count();
        }
        var results = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectDirectory(SCENARIOS.resolve("broken").toString()))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(files).failed(files).succeeded(0));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("unknown-keys.yaml"),
                finishedWithFailure(message(m -> m.contains("unknown-keys.yaml:8:7: stack.instances.web.imageID: "
                        + "unknown key 'imageID' (did you mean 'imageId'?)")))));
    }

    @Test
    void filesThatAreNotScenariosAreIgnored() {
        TestDescriptor root = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("fake-function.zip").toString()))
                .discover().getEngineDescriptor();
        assertThat(root.getChildren()).isEmpty();
    }

    @Test
    void theRecoveryBoundAndEachRedeliveryModeAreChecksOfTheirOwn() {
        TestDescriptor root = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("runs/recovers.yaml").toString()))
                .discover().getEngineDescriptor();
        assertThat(root.getChildren()).singleElement().satisfies(scenario ->
                assertThat(scenario.getChildren()).extracting(TestDescriptor::getDisplayName).containsExactly(
                        "recovers-within-bound › outcome", "recovers-within-bound › recovery (within PT20M)",
                        "recovers-within-bound › nothing lost",
                        "recovers-within-bound › idempotency (2 sequential redeliveries)",
                        "recovers-within-bound › idempotency (2 late redeliveries PT1H later)"));
    }

    @Test
    void aFailingRecoveryAndIdempotencyModeFailOnlyTheirOwnChecks() {
        var results = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectFile(SCENARIOS.resolve("runs/no-transition-identity.yaml").toString()))
                .execute();
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(2).failed(2));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("idempotency-concurrent"), finishedWithFailure(message(m ->
                        m.contains("one of the 2 concurrent redeliveries of ") && m.contains("caused ec2 RebootInstances")))));
    }

    @Test
    void aPackageOrAClassPathRootSelectsTheScenarioFilesUnderIt() {
        TestDescriptor byPackage = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectPackage("scenarios.valid")).discover().getEngineDescriptor();
        assertThat(byPackage.getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactlyInAnyOrder("full-example", "http-endpoints-example", "timed-example");
        TestDescriptor byRoot = EngineTestKit.engine(new SelfhealTestEngine())
                .selectors(selectClasspathRoots(Set.of(Path.of("target/test-classes/scenarios/valid"))).get(0))
                .discover().getEngineDescriptor();
        assertThat(byRoot.getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactlyInAnyOrderElementsOf(byPackage.getChildren().stream()
                        .map(TestDescriptor::getDisplayName).toList());
    }

    @Test
    void scenariosRunInParallelOnThePlatformExecutorWithTheVerdictsOfASequentialRun() {
        var parallel = run(SCENARIOS.resolve("parallel"), Map.of(
                SelfhealTestEngine.PARALLEL_CONFIG_PREFIX + "strategy", "fixed",
                SelfhealTestEngine.PARALLEL_CONFIG_PREFIX + "fixed.parallelism", "4"));
        var sequential = run(SCENARIOS.resolve("parallel"), Map.of(SelfhealTestEngine.PARALLEL_ENABLED, "false"));
        assertThat(mostScenariosAtOnce(sequential)).isEqualTo(1);
        assertThat(mostScenariosAtOnce(parallel)).isGreaterThan(1);
        assertThat(verdicts(parallel)).hasSize(13).isEqualTo(verdicts(sequential));
    }

    @Test
    void aScenarioThatCannotStartReadsAsUnderTheCli() {
        Path file = SCENARIOS.resolve("runs/never-steady.yaml");
        ScenarioResult cli = new ScenarioRunner().run(new ScenarioLoader().load(file));
        assertThat(cli.error()).startsWith("the steady state never held within PT15M:");
        var results = EngineTestKit.engine(new SelfhealTestEngine()).selectors(selectFile(file.toString()))
                .configurationParameter(SelfhealTestEngine.REPORT_DIR, "off").execute();
        results.testEvents().assertThatEvents().haveExactly(1,
                event(test("outcome"), finishedWithFailure(message(cli.error()))));
    }

    private static EngineExecutionResults run(Path dir, Map<String, String> configuration) {
        return EngineTestKit.engine(new SelfhealTestEngine()).selectors(selectDirectory(dir.toString()))
                .configurationParameters(configuration)
                .configurationParameter(SelfhealTestEngine.REPORT_DIR, "off").execute();
    }

    /** Each check's display name and how it finished. */
    private static Map<String, String> verdicts(EngineExecutionResults results) {
        Map<String, String> out = new TreeMap<>();
        results.testEvents().finished().stream().forEach(e -> out.put(e.getTestDescriptor().getDisplayName(),
                e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getStatus().toString()));
        return out;
    }

    /** The most scenario containers started and not yet finished at one time, in the order events were reported. */
    private static int mostScenariosAtOnce(EngineExecutionResults results) {
        int open = 0;
        int most = 0;
        for (Event e : results.containerEvents().list()) {
            if (e.getTestDescriptor() instanceof ScenarioDescriptor) {
                open += e.getType() == EventType.STARTED ? 1 : e.getType() == EventType.FINISHED ? -1 : 0;
                most = Math.max(most, open);
            }
        }
        return most;
    }
}
