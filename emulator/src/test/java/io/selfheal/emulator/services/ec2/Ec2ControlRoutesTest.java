package io.selfheal.emulator.services.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * EC2's control routes over plain HTTP, as a harness in another process uses them: CPU load, a hang and the reboot
 * count, checked through the SDK v2 (CloudWatch's CPUUtilization, DescribeInstanceStatus, RebootInstances).
 */
class Ec2ControlRoutesTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final VirtualEc2 cloud = new VirtualEc2();

    @Test
    void cpuLoadOverHttpReachesTheMetricsForItsDuration() throws Exception {
        String id = cloud.running(true);
        cloud.advanceTo(Duration.ofMinutes(5));
        HttpResponse<String> r = post("/_selfheal/ec2/cpu-load",
                "{\"instanceId\":\"" + id + "\",\"percent\":97,\"forSeconds\":120}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        cloud.advanceTo(Duration.ofMinutes(9));
        java.util.List<Double> cpu = cloud.cpu(id, Duration.ofMinutes(5), Duration.ofMinutes(9));
        assertThat(cpu).as("the load, then the idle baseline").hasSize(4).startsWith(97.0, 97.0);
        assertThat(cpu.get(3)).isLessThan(97.0);
    }

    @Test
    void stopRespondingOverHttpImpairsTheInstanceAndARebootCountsOverHttp() throws Exception {
        String id = cloud.running(true);
        assertThat(post("/_selfheal/ec2/stop-responding", "{\"instanceId\":\"" + id + "\"}").statusCode())
                .isEqualTo(200);
        cloud.advance(Duration.ofMinutes(1));
        assertThat(cloud.ec2.describeInstanceStatus(b -> b.instanceIds(id)).instanceStatuses().get(0)
                .instanceStatus().statusAsString()).isEqualTo("impaired");
        assertThat(reboots(id)).isZero();

        cloud.ec2.rebootInstances(b -> b.instanceIds(id));
        assertThat(reboots(id)).isEqualTo(1);
    }

    @Test
    void badRequestsAre400sNamingWhatIsWrong() throws Exception {
        String id = cloud.running(false);
        assertBad(post("/_selfheal/ec2/cpu-load", "{\"instanceId\":\"" + id + "\"}"), "percent is required");
        assertBad(post("/_selfheal/ec2/cpu-load", "{\"instanceId\":\"" + id + "\",\"percent\":101}"), "0");
        assertBad(post("/_selfheal/ec2/cpu-load", "{\"instanceId\":\"i-0000000000000000a\",\"percent\":5}"),
                "i-0000000000000000a");
        assertBad(post("/_selfheal/ec2/stop-responding", "[]"), "JSON object");
        assertBad(get("/_selfheal/ec2/reboots"), "instanceId is required");
        cloud.ec2.stopInstances(b -> b.instanceIds(id));
        assertBad(post("/_selfheal/ec2/stop-responding", "{\"instanceId\":\"" + id + "\"}"), "");
    }

    private void assertBad(HttpResponse<String> r, String says) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("message").asText()).contains(says).doesNotContain("Exception");
    }

    private int reboots(String id) throws Exception {
        HttpResponse<String> r = get("/_selfheal/ec2/reboots?instanceId=" + id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("instanceId").asText()).isEqualTo(id);
        return body.path("count").asInt(-1);
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint().resolve(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(endpoint().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI endpoint() {
        return cloud.emulator.endpoint();
    }
}
