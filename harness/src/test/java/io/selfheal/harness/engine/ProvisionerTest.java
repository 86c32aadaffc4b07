package io.selfheal.harness.engine;

import io.selfheal.harness.backend.Waits;
import io.selfheal.harness.stack.SecurityGroupKind;
import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.harness.backend.EmbeddedCloud;
import io.selfheal.harness.expect.Expectation;
import io.selfheal.harness.scenario.Scenario;
import io.selfheal.harness.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The new stack kinds, provisioned through the SDK into the embedded emulator and read back through the SDK. */
class ProvisionerTest {
    private final Scenario scenario = new ScenarioLoader().load(Path.of("src/test/resources/stacks/groups-queues-topics.yaml"));
    private EmbeddedCloud cloud;
    private ScenarioRun run;

    @BeforeEach
    void provision() {
        cloud = new EmbeddedCloud();
        run = new ScenarioRun(scenario, cloud);
        run.provision();
    }

    @AfterEach
    void close() throws Exception {
        run.close();
        cloud.close();
    }

    @Test
    void securityGroupsGetTheirRulesAndTheInstanceJoinsItsGroup() {
        String web = run.state().securityGroupId("web");
        String lb = run.state().securityGroupId("lb");
        SecurityGroup group = run.clients().ec2().describeSecurityGroups(r -> r.groupIds(web)).securityGroups().get(0);
        assertThat(group.groupName()).isEqualTo("web");
        assertThat(group.ipPermissions()).anySatisfy(p -> {
            assertThat(p.fromPort()).isEqualTo(8000);
            assertThat(p.toPort()).isEqualTo(8100);
            assertThat(p.userIdGroupPairs()).singleElement().satisfies(g -> assertThat(g.groupId()).isEqualTo(lb));
        });
        assertThat(group.ipPermissions()).anySatisfy(p -> assertThat(p.ipProtocol()).isEqualTo("-1"));
        // egress given: EC2's default allow-all egress was revoked, only 443 remains.
        assertThat(group.ipPermissionsEgress()).singleElement().satisfies(p -> assertThat(p.fromPort()).isEqualTo(443));
        assertThat(run.state().get("securityGroups", "web", "arn")).endsWith(":security-group/" + web);
        var instance = run.clients().ec2().describeInstances(r -> r.instanceIds(run.state().instanceId("web")))
                .reservations().get(0).instances().get(0);
        assertThat(instance.securityGroups()).extracting(g -> g.groupId()).containsExactly(web);
    }

    @Test
    void queuesGetTheirAttributesRedriveAndFifo() {
        String work = run.state().get("queues", "work", "url");
        Map<QueueAttributeName, String> attributes = run.clients().sqs().getQueueAttributes(r -> r.queueUrl(work)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(attributes).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "45");
        assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY))
                .contains(run.state().get("queues", "dlq", "arn")).contains("5");
        assertThat(run.state().get("queues", "ordered", "name")).isEqualTo("ordered.fifo");
        assertThat(run.clients().sqs().getQueueAttributes(r -> r.queueUrl(run.state().get("queues", "ordered", "url"))
                .attributeNames(QueueAttributeName.FIFO_QUEUE)).attributes())
                .containsEntry(QueueAttributeName.FIFO_QUEUE, "true");
    }

    @Test
    void aTopicPublicationReachesTheSubscribedQueueUnderTheGrantedPolicy() {
        run.clients().sns().publish(r -> r.topicArn(run.state().get("topics", "alerts", "arn")).message("{\"a\":1}"));

        String work = run.state().get("queues", "work", "url");
        Waits.until(cloud, "the published message in queue work", java.time.Duration.ofSeconds(10),
                () -> run.clients().sqs().receiveMessage(r -> r.queueUrl(work).visibilityTimeout(0)).messages()
                        .stream().anyMatch(m -> m.body().equals("{\"a\":1}")));
        assertThat(run.clients().sqs().getQueueAttributes(r -> r.queueUrl(work)
                .attributeNames(QueueAttributeName.POLICY)).attributes().get(QueueAttributeName.POLICY))
                .contains("sns.amazonaws.com").contains(run.state().get("topics", "alerts", "arn"));
        var topicProbe = new io.selfheal.harness.expect.TopicExpectation("alerts", 1,
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("a", 1));
        assertThat(topicProbe.check(run).holds()).as(topicProbe.check(run).observed()).isTrue();
        var queueProbe = new io.selfheal.harness.expect.QueueExpectation("work", 1,
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("a", 2));
        assertThat(queueProbe.check(run).holds()).as("the body has a=1, not 2").isFalse();
    }

    @Test
    void logGroupsGetTheirRetention() {
        var groups = run.clients().logs().describeLogGroups(r -> r.logGroupNamePrefix("/selfheal/app")).logGroups();
        assertThat(groups).singleElement().satisfies(g -> assertThat(g.retentionInDays()).isEqualTo(7));
        assertThat(run.state().get("logGroups", "app", "arn")).endsWith(":log-group:/selfheal/app:*");
    }

    @Test
    void theProbesOfEachKindHoldOnTheProvisionedStack() {
        for (Expectation probe : scenario.steadyState()) {
            assertThat(probe.check(run).holds()).as(probe.describe() + ": " + probe.check(run).observed()).isTrue();
        }
    }

    @Test
    void aProbeThatShouldNotHoldDoesNot() {
        Expectation worldSsh = new io.selfheal.harness.expect.SecurityGroupExpectation("web", false,
                new io.selfheal.harness.stack.SecurityGroupKind.Permission("tcp", 8050, 8050, null, null, "lb", null), false);
        assertThat(worldSsh.check(run).holds()).as("port 8050 from lb is open, so 'absent' fails").isFalse();
    }
}
