package io.selfheal.harness.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.Emulator;
import io.selfheal.emulator.core.VirtualClock;
import io.selfheal.harness.stack.CloudClients;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@link EndpointCloud} against emulators on loopback ports, as against a {@code selfheal serve} elsewhere: with the
 * control API it discovers the remote controls from the capabilities document and uses them over HTTP (checked
 * through the SDK v2); without it (AWS, {@code --aws-only}) it has none, and says so. The account guard asks STS.
 */
class EndpointCloudTest {
    private static final StaticCredentialsProvider KEYS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "secret"));
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aRemoteEmulatorsControlsAreUsedOverItsControlApi() {
        try (Emulator emulator = Emulator.builder().port(0).clock(new VirtualClock(START)).start();
             EndpointCloud cloud = connect(emulator.endpoint(), null);
             CloudClients clients = new CloudClients(cloud)) {
            assertThat(cloud.account()).isEqualTo(emulator.accountId());
            assertThat(cloud.controls()).isPresent();
            assertThat(cloud.capabilities()).contains(Capability.VIRTUAL_CLOCK, Capability.CPU_LOAD,
                    Capability.CALL_LOG, Capability.REBOOT_COUNT, Capability.REDELIVERY);
            assertThat(cloud.virtualTime()).isTrue();
            assertThat(cloud.describe()).contains("control API");

            String id = clients.ec2().runInstances(r -> r.imageId("ami-0abcdef1234567890").minCount(1).maxCount(1))
                    .instances().get(0).instanceId();
            assertThat(cloud.advanceUntil(() -> !cloud.now().isBefore(START.plusSeconds(300)),
                    Duration.ofMinutes(10))).isTrue();
            assertThat(cloud.now()).isEqualTo(START.plusSeconds(300));
            cloud.control(Capability.CPU_LOAD).setCpuLoad(id, 99, null);
            clients.ec2().rebootInstances(r -> r.instanceIds(id));
            assertThat(cloud.control(Capability.REBOOT_COUNT).rebootCount(id)).isEqualTo(1);
            assertThat(cloud.observation().calls()).as("read back over GET /_selfheal/calls")
                    .anySatisfy(c -> {
                        assertThat(c.operation()).isEqualTo("RebootInstances");
                        assertThat(c.parameters().toString()).contains(id);
                    });
            assertThatThrownBy(() -> cloud.control(Capability.CPU_LOAD).setCpuLoad("i-0000000000000000a", 5, null))
                    .hasMessageContaining("i-0000000000000000a").hasMessageContaining("400");
        }
    }

    @Test
    void anEndpointWithoutTheControlApiHasNoControlsAndRunsInRealTime() {
        try (Emulator emulator = Emulator.builder().port(0).withoutControlApi().start();
             EndpointCloud cloud = connect(emulator.endpoint(), null)) {
            assertThat(cloud.controls()).isEmpty();
            assertThat(cloud.capabilities()).isEmpty();
            assertThat(cloud.virtualTime()).isFalse();
            // Observed through AWS's own records: the tap's setup is already in CloudTrail's event history.
            assertThat(cloud.observation().source()).startsWith("CloudTrail LookupEvents");
            assertThat(cloud.observation().calls()).extracting(c -> c.operation()).contains("PutRule", "PutTargets");
            assertThat(cloud.describe()).contains("no control API");
            assertThatThrownBy(() -> cloud.control(Capability.CPU_LOAD))
                    .isInstanceOf(MissingCapabilityException.class).hasMessageContaining("cpu load injection");
        }
    }

    @Test
    void theConfirmedAccountGuardsTheRunBeforeAnythingIsMade() {
        try (Emulator emulator = Emulator.builder().port(0).withoutControlApi().start()) {
            try (EndpointCloud confirmed = connect(emulator.endpoint(), emulator.accountId())) {
                assertThat(confirmed.account()).isEqualTo(emulator.accountId());
            }
            assertThatThrownBy(() -> connect(emulator.endpoint(), "210987654321"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("act in account " + emulator.accountId())
                    .hasMessageContaining("not the confirmed 210987654321");
            // The confirmed run: STS, the capabilities probe (answered as AWS answers an unknown path), its
            // observation's tap made and, on close, deleted; the refused one: STS alone.
            assertThat(emulator.control().calls()).extracting(c -> c.operation())
                    .containsExactly("GetCallerIdentity", "Unknown", "CreateQueue", "GetQueueAttributes", "PutRule",
                            "SetQueueAttributes", "PutTargets", "RemoveTargets", "DeleteRule", "DeleteQueue",
                            "GetCallerIdentity");
        }
    }

    @Test
    void aRealAwsEndpointNeedsAConfirmedAccount() {
        for (URI aws : new URI[] {null, URI.create("https://ec2.us-east-1.amazonaws.com"),
                URI.create("https://sts.cn-north-1.amazonaws.com.cn")}) {
            assertThatThrownBy(() -> new EndpointSettings(aws, null, "us-east-1", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--confirm-account");
            assertThat(new EndpointSettings(aws, null, "us-east-1", "123456789012").confirmAccount())
                    .isEqualTo("123456789012");
        }
        assertThatThrownBy(() -> new EndpointSettings(null, null, null, "12345"))
                .hasMessageContaining("12-digit");
        assertThat(new EndpointSettings(URI.create("http://127.0.0.1:4566"), null, null, null).endpoint())
                .as("a local endpoint needs no guard").isNotNull();
    }

    private static EndpointCloud connect(URI endpoint, String confirmAccount) {
        return EndpointCloud.connect(new EndpointSettings(endpoint, null, "us-east-1", confirmAccount), KEYS);
    }
}
