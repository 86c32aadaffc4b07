package io.selfheal.harness.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.harness.yaml.YMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StackKindsTest {

    @Test
    void everyKindComesAfterTheKindsItDependsOn() {
        List<String> order = StackKinds.all().stream().map(StackKind::key).toList();
        assertThat(order).containsExactlyInAnyOrder("httpEndpoints", "queues", "topics", "logGroups",
                "securityGroups", "instances", "roles", "functions", "alarms", "rules", "configRules", "autoScalingGroups");
        for (StackKind<?> kind : StackKinds.all()) {
            for (String dependency : kind.dependsOn()) {
                if (!dependency.equals(kind.key())) {
                    assertThat(order.indexOf(dependency)).as("%s before %s", dependency, kind.key())
                            .isLessThan(order.indexOf(kind.key()));
                }
            }
        }
    }

    @Test
    void theOrderFollowsDependenciesNotRegistration() {
        var rules = new Fake("rules", Set.of("functions"));
        var functions = new Fake("functions", Set.of("queues"));
        var queues = new Fake("queues", Set.of("queues"));
        assertThat(StackKinds.order(List.of(rules, functions, queues))).containsExactly(queues, functions, rules);
    }

    @Test
    void aCycleOrAnUnknownDependencyIsRefused() {
        assertThatThrownBy(() -> StackKinds.order(List.of(new Fake("a", Set.of("b")), new Fake("b", Set.of("a")))))
                .hasMessage("stack kinds depend on each other in a cycle: [a, b]");
        assertThatThrownBy(() -> StackKinds.order(List.of(new Fake("a", Set.of("nope")))))
                .hasMessage("stack kind a depends on nope, which is not registered");
    }

    @Test
    void typedAccessFindsTheKindByItsModel() {
        var queue = new QueueKind.Queue("work", "work", false, Map.of(), null, 3);
        Stack stack = new Stack(Map.of("queues", Map.of("work", queue), "topics", Map.of()));
        assertThat(stack.all(QueueKind.Queue.class)).containsExactly(Map.entry("work", queue));
        assertThat(stack.all(TopicKind.Topic.class)).isEmpty();
        assertThat(stack).as("a kind without entries is the same as none").isEqualTo(
                new Stack(Map.of("queues", Map.of("work", queue))));
    }

    private record Fake(String key, Set<String> dependsOn) implements StackKind<Object> {
        @Override
        public Class<Object> type() {
            return Object.class;
        }

        @Override
        public List<String> attributes() {
            return List.of("arn");
        }

        @Override
        public String schema() {
            return "{}";
        }

        @Override
        public Object read(String entry, YMap spec, StackReading reading) {
            return null;
        }

        @Override
        public void provision(Map<String, Object> resources, Provisioning provisioning) {
        }
    }
}
