package io.selfheal.harness.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.control.Ec2Control;
import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.VirtualClock;
import io.selfheal.harness.junit5.SelfhealCloud.Scope;
import java.net.ConnectException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The extension's lifecycles, isolation and parameter errors, observed by running fixture classes (nested below,
 * skipped outside EngineTestKit) through the Jupiter engine.
 */
class SelfhealExtensionTest {
    /** What fixtures saw, in order; cleared before each run. */
    static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void clear() {
        SEEN.clear();
    }

    @Test
    void aClassSharesOneEmulatorResetBetweenTestsAndStoppedAfterTheClass() throws Exception {
        run(selectClass(ClassScoped.class)).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
        assertRefused(((Emulator) SEEN.get(0)).port());
    }

    @Test
    void classSharedKeepsWhatBeforeAllCreated() {
        run(selectClass(ClassShared.class)).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void nestedClassesShareTheirEnclosingClassesEmulator() {
        run(selectClass(Outer.class)).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isSameAs(SEEN.get(1));
    }

    @Test
    void scopeTestGivesEveryTestItsOwnEmulatorAndStopsIt() throws Exception {
        run(selectClass(PerTest.class)).testEvents().assertStatistics(s -> s.started(2).succeeded(2));

        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
        for (Object emulator : SEEN) {
            assertRefused(((Emulator) emulator).port());
        }
    }

    @Test
    void twoClassesRunningAtOnceHaveTheirOwnEmulatorsAndResources() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(KitOnly.PARAMETER, "true")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .selectors(selectClass(IsolatedA.class), selectClass(IsolatedB.class)).execute();

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        assertThat(SEEN).hasSize(2);
        assertThat(((Emulator) SEEN.get(0)).port()).isNotEqualTo(((Emulator) SEEN.get(1)).port());
    }

    @Test
    void parametersItCannotResolveFailWithTheReason() {
        EngineExecutionResults results = run(selectClass(Unresolvable.class));

        results.testEvents().assertStatistics(s -> s.started(4).succeeded(1).failed(3));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test("sdkClient"), finishedWithFailure(instanceOf(
                        ParameterResolutionException.class), message(m -> m.contains("software.amazon.awssdk.core"
                        + ".SdkClient is not a service client with a static builder(): selfheal injects AWS SDK v2 "
                        + "service client interfaces such as Ec2Client")))))
                .haveExactly(1, event(test("virtualClock"), finishedWithFailure(message(m -> m.contains(
                        "the emulator runs on the system clock: use @SelfhealCloud(virtualClock = true)")))))
                .haveExactly(1, event(test("eventRecord"), finishedWithFailure(message(m -> m.contains(
                        "not io.selfheal.emulator.control.EventRecord")))));
    }

    @Test
    void scopeTestCannotInjectIntoConstructors() {
        run(selectClass(ConstructorInjection.class)).testEvents().assertThatEvents().haveExactly(1, event(
                test("runs"), finishedWithFailure(instanceOf(ParameterResolutionException.class), message(m -> m
                        .contains("No selfheal emulator is running yet") && m.contains("not into constructors")))));
    }

    @Test
    void aClockStartThatIsNoInstantFailsTheClass() {
        run(selectClass(BadClockStart.class)).containerEvents().assertThatEvents().haveExactly(1, event(
                container(BadClockStart.class), finishedWithFailure(instanceOf(ExtensionConfigurationException.class),
                        message(m -> m.contains("@SelfhealCloud(clockStart = \"yesterday\")")))));
    }

    @Test
    void aStaticSelfhealClientFieldFailsTheTestWithTheReason() {
        run(selectClass(StaticField.class)).testEvents().assertThatEvents().haveExactly(1, event(test("runs"),
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m -> m.contains(
                        "@SelfhealClient field static software.amazon.awssdk.services.ec2.Ec2Client") && m.contains(
                        "is static: make it an instance field")))));
    }

    private static EngineExecutionResults run(DiscoverySelector selector) {
        return EngineTestKit.engine("junit-jupiter").configurationParameter(KitOnly.PARAMETER, "true")
                .selectors(selector).execute();
    }

    private static void assertRefused(int port) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    private static String runInstance(Ec2Client ec2) {
        return ec2.runInstances(r -> r.imageId("ami-0abcdef1234567890").minCount(1).maxCount(1)).instances().get(0)
                .instanceId();
    }

    private static List<String> instanceIds(Ec2Client ec2) {
        return ec2.describeInstances().reservations().stream().flatMap(r -> r.instances().stream())
                .map(i -> i.instanceId()).toList();
    }

    @KitOnly
    @SelfhealCloud
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class ClassScoped {
        static Ec2Client firstClient;

        @Test
        @Order(1)
        void first(Emulator emulator, Ec2Client ec2) {
            SEEN.add(emulator);
            firstClient = ec2;
            runInstance(ec2);
            assertThat(instanceIds(ec2)).hasSize(1);
        }

        @Test
        @Order(2)
        void second(Emulator emulator, Ec2Client ec2) {
            SEEN.add(emulator);
            assertThat(instanceIds(ec2)).isEmpty();
            assertThatThrownBy(() -> firstClient.describeInstances()).hasMessageContaining("shut down");
        }
    }

    @KitOnly
    @SelfhealCloud(scope = Scope.CLASS_SHARED)
    static class ClassShared {
        static String created;

        @BeforeAll
        static void create(Ec2Client ec2) {
            created = runInstance(ec2);
        }

        @Test
        void one(Ec2Client ec2) {
            assertThat(instanceIds(ec2)).containsExactly(created);
        }

        @Test
        void two(Ec2Client ec2) {
            assertThat(instanceIds(ec2)).containsExactly(created);
        }
    }

    @KitOnly
    @SelfhealCloud
    static class Outer {
        @SelfhealClient
        Ec2Client outerEc2;

        @Test
        void outer(Emulator emulator) {
            SEEN.add(emulator);
        }

        @Nested
        class Inner {
            @Test
            void inner(Emulator emulator) {
                SEEN.add(emulator);
                assertThat(instanceIds(outerEc2)).isEmpty(); // the enclosing instance's field is filled too
            }
        }
    }

    @KitOnly
    @SelfhealCloud(scope = Scope.TEST)
    static class PerTest {
        @Test
        void one(Emulator emulator, Ec2Control ec2Control) {
            SEEN.add(emulator);
            assertThat(ec2Control).isSameAs(emulator.control().component(Ec2Control.class));
        }

        @Test
        void two(Emulator emulator) {
            SEEN.add(emulator);
        }
    }

    /** Both wait at the barrier, so both emulators are up at once; each sees only its own instance. */
    static final CyclicBarrier BOTH_RUNNING = new CyclicBarrier(2);

    @KitOnly
    @SelfhealCloud
    static class IsolatedA {
        @Test
        void ownInstanceOnly(Emulator emulator, Ec2Client ec2) throws Exception {
            isolated(emulator, ec2);
        }
    }

    @KitOnly
    @SelfhealCloud
    static class IsolatedB {
        @Test
        void ownInstanceOnly(Emulator emulator, Ec2Client ec2) throws Exception {
            isolated(emulator, ec2);
        }
    }

    private static void isolated(Emulator emulator, Ec2Client ec2) throws Exception {
        SEEN.add(emulator);
        String id = runInstance(ec2);
        BOTH_RUNNING.await(30, TimeUnit.SECONDS);
        assertThat(instanceIds(ec2)).containsExactly(id);
    }

    @KitOnly
    @SelfhealCloud(virtualClock = false)
    static class Unresolvable {
        @Test
        void sdkClient(SdkClient client) {
        }

        @Test
        void virtualClock(VirtualClock clock) {
        }

        @Test
        void eventRecord(EventRecord record) {
        }

        @Test
        void systemClock(EmulatorClock clock) {
            assertThat(clock.isVirtual()).isFalse();
        }
    }

    @KitOnly
    @SelfhealCloud(scope = Scope.TEST)
    static class ConstructorInjection {
        ConstructorInjection(Ec2Client ec2) {
        }

        @Test
        void runs() {
        }
    }

    @KitOnly
    @SelfhealCloud
    static class StaticField {
        @SelfhealClient
        static Ec2Client ec2;

        @Test
        void runs() {
        }
    }

    @KitOnly
    @SelfhealCloud(clockStart = "yesterday")
    static class BadClockStart {
        @Test
        void runs() {
        }
    }
}
