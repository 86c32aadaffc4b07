package io.selfheal.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** The front door through a real SDK client and raw HTTP: routing, identity, and AWS error shapes. */
class FrontDoorTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static Emulator emulator;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        emulator = AWS.emulator();
    }

    @Test
    void closingTwiceIsHarmless() {
        Emulator other = Emulator.startOnFreePort();
        other.close();
        other.close();
        assertThat(emulator.port()).isNotEqualTo(other.port());
    }

    @Test
    void bindsToLoopbackOnly() {
        assertThat(emulator.endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void stsGetCallerIdentityAnswersForTheDefaultAccount() {
        try (StsClient sts = TestClients.of(StsClient.builder(), emulator)) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.account()).isEqualTo("123456789012");
            assertThat(me.arn()).isEqualTo("arn:aws:iam::123456789012:root");
        }
    }

    @Test
    void aTwelveDigitAccessKeySelectsThatAccountAndTheScopeSelectsTheRegion() {
        try (StsClient sts = StsClient.builder().endpointOverride(emulator.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(() -> software.amazon.awssdk.auth.credentials.AwsBasicCredentials
                        .create("111122223333", "secret")).build()) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("111122223333");
        }
        var last = emulator.control().calls("sts", "GetCallerIdentity");
        assertThat(last.get(last.size() - 1).region()).isEqualTo("eu-west-1");
    }

    @Test
    void everyCallIsLogged() {
        Instant before = Instant.now().minusSeconds(1);
        try (StsClient sts = TestClients.of(StsClient.builder(), emulator)) {
            sts.getCallerIdentity();
        }
        var calls = emulator.control().calls("sts", "GetCallerIdentity");
        var call = calls.get(calls.size() - 1);
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.errorCode()).isNull();
        assertThat(call.callerArn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(call.time()).isAfter(before);
        assertThat(call.requestId()).isNotBlank();
    }

    @Test
    void unknownQueryActionIsInvalidActionInTheQueryErrorShape() throws Exception {
        HttpResponse<String> r = post("/", "application/x-www-form-urlencoded",
                "Action=NoSuchThing&Version=2011-06-15", "sts");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("<ErrorResponse").contains("<Code>InvalidAction</Code>")
                .contains("<Type>Sender</Type>").contains("<RequestId>");
    }

    @Test
    void unknownJsonTargetIsUnknownOperationException() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", "NoSuchService_20200101.DoIt")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(r.body()).contains("\"__type\":\"UnknownOperationException\"");
    }

    @Test
    void unknownRestPathIsA404InTheRestJsonShape() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/no/such/path"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(r.body()).doesNotContain("Exception:").doesNotContain("\tat ");
    }

    @Test
    void controlApiAnswersOverHttp() throws Exception {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(emulator.endpoint().resolve("/_selfheal/health"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"running\"").contains("\"sts\"");
        HttpResponse<String> idle = HTTP.send(HttpRequest.newBuilder(
                        emulator.endpoint().resolve("/_selfheal/idle?timeoutMs=1000"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(idle.body()).isEqualTo("{\"idle\":true}");
    }

    static HttpResponse<String> post(String path, String contentType, String body, String signingService)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(emulator.endpoint().resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/"
                        + signingService + "/aws4_request, SignedHeaders=host, Signature=abc")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static URI endpoint() {
        return emulator.endpoint();
    }
}
