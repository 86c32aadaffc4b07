package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.Ec2InstancesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;

/** DescribeInstanceStatus through the SDK: shapes, running-only default, filters, ids and paging. */
class Ec2InstanceStatusTest {
    @RegisterExtension
    final VirtualEc2 cloud = new VirtualEc2();

    @Test
    void aRunningInstancePassesBothChecks() {
        String id = cloud.running(false);
        InstanceStatus s = cloud.ec2.describeInstanceStatus(r -> r.instanceIds(id)).instanceStatuses().get(0);
        assertThat(s.instanceId()).isEqualTo(id);
        assertThat(s.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(s.instanceState().code()).isEqualTo(16);
        assertThat(s.instanceState().nameAsString()).isEqualTo("running");
        for (var summary : List.of(s.instanceStatus(), s.systemStatus())) {
            assertThat(summary.statusAsString()).isEqualTo("ok");
            assertThat(summary.details()).singleElement().satisfies(d -> {
                assertThat(d.nameAsString()).isEqualTo("reachability");
                assertThat(d.statusAsString()).isEqualTo("passed");
                assertThat(d.impairedSince()).isNull();
            });
        }
        assertThat(s.events()).isEmpty();
    }

    @Test
    void onlyRunningInstancesUnlessIncludeAllInstances() {
        String running = cloud.running(false);
        String stopped = cloud.running(false);
        cloud.ec2.stopInstances(r -> r.instanceIds(stopped));
        cloud.advance(Duration.ofSeconds(1));
        String pending = cloud.ec2.runInstances(r -> r.imageId(VirtualEc2.AMI).minCount(1).maxCount(1))
                .instances().get(0).instanceId();

        assertThat(ids(cloud.ec2.describeInstanceStatus(r -> { }))).containsExactly(running);
        assertThat(ids(cloud.ec2.describeInstanceStatus(r -> r.includeAllInstances(true))))
                .containsExactly(running, stopped, pending);
        InstanceStatus s = cloud.ec2.describeInstanceStatus(r -> r.instanceIds(stopped).includeAllInstances(true))
                .instanceStatuses().get(0);
        assertThat(s.instanceStatus().statusAsString()).isEqualTo("not-applicable");
        assertThat(s.systemStatus().statusAsString()).isEqualTo("not-applicable");
        assertThat(s.instanceState().nameAsString()).isEqualTo("stopped");
        assertThat(cloud.ec2.describeInstanceStatus(r -> r.instanceIds(stopped)).instanceStatuses()).isEmpty();
    }

    @Test
    void filtersOnStateAndCheckResults() {
        String healthy = cloud.running(false);
        String hung = cloud.running(false);
        String stopped = cloud.running(false);
        cloud.ec2.stopInstances(r -> r.instanceIds(stopped));
        cloud.control.stopResponding(hung);

        assertThat(ids(cloud.ec2.describeInstanceStatus(r -> r.includeAllInstances(true)
                .filters(filter("instance-state-name", "stop*"))))).containsExactly(stopped);
        assertThat(ids(cloud.ec2.describeInstanceStatus(r -> r.filters(filter("instance-status.status",
                "impaired"))))).containsExactly(hung);
        assertThat(ids(cloud.ec2.describeInstanceStatus(r -> r.filters(filter("instance-status.reachability",
                "passed"))))).containsExactly(healthy);
        assertThat(ids(cloud.ec2.describeInstanceStatus(r -> r.filters(filter("system-status.status", "ok"),
                filter("instance-status.status", "ok", "impaired"))))).containsExactly(healthy, hung);
        assertThat(ids(cloud.ec2.describeInstanceStatus(r -> r.filters(filter("event.code", "system-reboot")))))
                .isEmpty();
        assertError(() -> cloud.ec2.describeInstanceStatus(r -> r.filters(filter("colour", "red"))),
                "InvalidParameterValue");
    }

    @Test
    void idsAndPagingAreCheckedAsEc2Does() {
        List<String> launched = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            launched.add(cloud.running(false));
        }
        assertError(() -> cloud.ec2.describeInstanceStatus(r -> r.instanceIds("i-0000000000000000a")),
                "InvalidInstanceID.NotFound");
        assertError(() -> cloud.ec2.describeInstanceStatus(r -> r.instanceIds(launched.get(0)).maxResults(5)),
                "InvalidParameterCombination");
        assertError(() -> cloud.ec2.describeInstanceStatus(r -> r.maxResults(2)), "InvalidParameterValue");

        DescribeInstanceStatusResponse first = cloud.ec2.describeInstanceStatus(r -> r.maxResults(5));
        assertThat(ids(first)).containsExactlyElementsOf(launched.subList(0, 5));
        DescribeInstanceStatusResponse second = cloud.ec2.describeInstanceStatus(r -> r.maxResults(5)
                .nextToken(first.nextToken()));
        assertThat(ids(second)).containsExactlyElementsOf(launched.subList(5, 7));
        assertThat(second.nextToken()).isNull();
        assertThat(cloud.ec2.describeInstanceStatusPaginator(r -> r.maxResults(5)).instanceStatuses())
                .extracting(InstanceStatus::instanceId).containsExactlyElementsOf(launched);
    }

    private static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    private static List<String> ids(DescribeInstanceStatusResponse response) {
        return response.instanceStatuses().stream().map(InstanceStatus::instanceId).toList();
    }
}
