package io.selfheal.emulator.services.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.selfheal.emulator.control.EventRecord.TargetDelivery;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.ConnectionState;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionAuthRequestParameters;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * API destinations as targets ("API destinations as targets in Amazon EventBridge"), invoking a WireMock server on
 * loopback: the connection's authorization (API key, basic, OAuth client credentials with a cached token), the
 * target's HttpParameters, and failures for answers outside 2xx.
 */
class EventBridgeApiDestinationTest extends EventBridgeTargetTestBase {
    static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/invoke-api-destinations";
    static WireMockServer web;

    @BeforeAll
    static void startWeb() {
        web = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        web.start();
    }

    @AfterAll
    static void stopWeb() {
        web.stop();
    }

    @BeforeEach
    void resetWeb() {
        web.resetAll();
        putRule("to-api", PATTERN);
    }

    static String url(String path) {
        return "http://localhost:" + web.port() + path;
    }

    static String connection(String name, ConnectionAuthorizationType type, CreateConnectionAuthRequestParameters auth) {
        String arn = events.createConnection(r -> r.name(name).authorizationType(type).authParameters(auth))
                .connectionArn();
        awaitIdle();
        return arn;
    }

    static String destination(String name, String connectionArn, String endpoint, String method) {
        return events.createApiDestination(r -> r.name(name).connectionArn(connectionArn)
                .invocationEndpoint(endpoint).httpMethod(method)).apiDestinationArn();
    }

    static String apiKeyConnection() {
        return connection("api-key", ConnectionAuthorizationType.API_KEY, CreateConnectionAuthRequestParameters
                .builder().apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue("s3cr3t")).build());
    }

    @Test
    void anApiKeyConnectionSendsItsHeaderAndTheEventAsJson() {
        web.stubFor(post("/hooks/alarm").willReturn(aResponse().withStatus(202)));
        String arn = destination("alarm-hook", apiKeyConnection(), url("/hooks/alarm"), "POST");
        putTarget("to-api", Target.builder().id("hook").arn(arn).roleArn(ROLE).build());

        String id = putEvent("{\"instance\":\"i-1\"}");

        web.verify(1, postRequestedFor(urlEqualTo("/hooks/alarm"))
                .withHeader("x-api-key", equalTo("s3cr3t"))
                .withHeader("Content-Type", containing("application/json"))
                .withHeader("User-Agent", equalTo("Amazon/EventBridge/ApiDestinations"))
                .withRequestBody(equalToJson("{\"id\":\"" + id + "\",\"detail\":{\"instance\":\"i-1\"}}", true,
                        true)));
        assertThat(deliveries(id)).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
    }

    @Test
    void aBasicConnectionSendsBasicAuthorization() {
        web.stubFor(put("/status").willReturn(aResponse().withStatus(200)));
        String conn = connection("basic", ConnectionAuthorizationType.BASIC, CreateConnectionAuthRequestParameters
                .builder().basicAuthParameters(b -> b.username("ops").password("pa55")).build());
        String arn = destination("status", conn, url("/status"), "PUT");
        putTarget("to-api", Target.builder().id("status").arn(arn).roleArn(ROLE).input("{\"ok\":false}").build());

        putEvent("{}");

        web.verify(1, putRequestedFor(urlEqualTo("/status"))
                .withHeader("Authorization", equalTo("Basic b3BzOnBhNTU="))
                .withRequestBody(equalToJson("{\"ok\":false}")));
    }

    /** The token is fetched once, cached until expires_in passes on the emulator clock, then fetched again. */
    @Test
    void anOAuthConnectionCachesItsTokenUntilItExpires() {
        NOW.set(Instant.parse("2024-05-01T10:00:00Z"));
        web.stubFor(post("/oauth/token").inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\":\"t1\",\"token_type\":\"Bearer\",\"expires_in\":3600}"))
                .willSetStateTo("second"));
        web.stubFor(post("/oauth/token").inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"access_token\":\"t2\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        web.stubFor(post("/api/events").willReturn(aResponse().withStatus(200)));
        String conn = connection("oauth", ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS,
                CreateConnectionAuthRequestParameters.builder().oAuthParameters(o -> o
                        .authorizationEndpoint(url("/oauth/token")).httpMethod("POST")
                        .clientParameters(c -> c.clientID("selfheal").clientSecret("shh"))
                        .oAuthHttpParameters(h -> h.bodyParameters(b -> b.key("grant_type")
                                .value("client_credentials")))).build());
        assertThat(events.describeConnection(r -> r.name("oauth")).connectionState())
                .isEqualTo(ConnectionState.AUTHORIZED);
        String arn = destination("api", conn, url("/api/events"), "POST");
        putTarget("to-api", Target.builder().id("api").arn(arn).roleArn(ROLE).build());

        putEvent("{}");
        putEvent("{}");
        NOW.set(Instant.parse("2024-05-01T11:00:01Z"));
        putEvent("{}");

        web.verify(2, postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Authorization", equalTo("Basic c2VsZmhlYWw6c2ho"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("grant_type=client_credentials")));
        web.verify(2, postRequestedFor(urlEqualTo("/api/events")).withHeader("Authorization", equalTo("Bearer t1")));
        web.verify(1, postRequestedFor(urlEqualTo("/api/events")).withHeader("Authorization", equalTo("Bearer t2")));
    }

    /** "OAUTH tokens are refreshed when a 401 or 407 response is returned" (CreateConnection). */
    @Test
    void anOAuthTokenIsRefreshedWhenTheEndpointAnswers401() {
        web.stubFor(post("/oauth/token").inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"access_token\":\"stale\",\"expires_in\":3600}")).willSetStateTo("fresh"));
        web.stubFor(post("/oauth/token").inScenario("tokens").whenScenarioStateIs("fresh")
                .willReturn(okJson("{\"access_token\":\"fresh\",\"expires_in\":3600}")));
        web.stubFor(post("/api").withHeader("Authorization", equalTo("Bearer stale"))
                .willReturn(aResponse().withStatus(401)));
        web.stubFor(post("/api").withHeader("Authorization", equalTo("Bearer fresh"))
                .willReturn(aResponse().withStatus(200)));
        String conn = connection("oauth", ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS,
                CreateConnectionAuthRequestParameters.builder().oAuthParameters(o -> o
                        .authorizationEndpoint(url("/oauth/token")).httpMethod("POST")
                        .clientParameters(c -> c.clientID("id").clientSecret("secret"))).build());
        putTarget("to-api", Target.builder().id("api").arn(destination("api", conn, url("/api"), "POST"))
                .roleArn(ROLE).build());

        String id = putEvent("{}");

        assertThat(deliveries(id)).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
        web.verify(2, postRequestedFor(urlEqualTo("/oauth/token")));
    }

    @Test
    void httpParametersFillThePathHeadersAndQueryAndTheConnectionsWin() {
        web.stubFor(get(urlPathEqualTo("/instances/i-1/reboot")).willReturn(aResponse().withStatus(204)));
        String conn = connection("keyed", ConnectionAuthorizationType.API_KEY, CreateConnectionAuthRequestParameters
                .builder().apiKeyAuthParameters(k -> k.apiKeyName("Authorization").apiKeyValue("Token abc"))
                .invocationHttpParameters(h -> h
                        .headerParameters(p -> p.key("X-Team").value("sre").isValueSecret(false))
                        .queryStringParameters(p -> p.key("dry").value("false"))).build());
        String arn = destination("reboot", conn, url("/instances/*/reboot"), "GET");
        putTarget("to-api", Target.builder().id("reboot").arn(arn).roleArn(ROLE).httpParameters(h -> h
                .pathParameterValues("$.detail.instance")
                .headerParameters(Map.of("X-Team", "ignored", "X-Alarm", "$.detail.alarm", "X-Static", "yes"))
                .queryStringParameters(Map.of("dry", "true", "reason", "cpu high"))).build());

        String id = putEvent("{\"instance\":\"i-1\",\"alarm\":\"EC2-CPU-High\"}");

        web.verify(1, getRequestedFor(urlPathEqualTo("/instances/i-1/reboot"))
                .withHeader("Authorization", equalTo("Token abc"))
                .withHeader("X-Team", equalTo("sre"))
                .withHeader("X-Alarm", equalTo("EC2-CPU-High"))
                .withHeader("X-Static", equalTo("yes"))
                .withQueryParam("dry", equalTo("false"))
                .withQueryParam("reason", equalTo("cpu high")));
        assertThat(deliveries(id)).singleElement().satisfies(d -> assertThat(d.delivered()).isTrue());
        assertThat(events.listTargetsByRule(r -> r.rule("to-api")).targets().get(0).httpParameters()
                .pathParameterValues()).containsExactly("$.detail.instance");
    }

    @Test
    void anAnswerOutside2xxIsAFailedDeliveryWithItsStatus() {
        web.stubFor(post("/hooks/alarm").willReturn(aResponse().withStatus(503).withBody("down for maintenance")));
        String arn = destination("alarm-hook", apiKeyConnection(), url("/hooks/alarm"), "POST");
        putTarget("to-api", Target.builder().id("hook").arn(arn).roleArn(ROLE)
                .retryPolicy(p -> p.maximumRetryAttempts(1)).build());

        String id = putEvent("{}");

        assertThat(deliveries(id)).hasSize(2).allSatisfy(d -> {
            assertThat(d.delivered()).isFalse();
            assertThat(d.errorCode()).isEqualTo("HTTP_503");
            assertThat(d.errorMessage()).contains("answered 503: down for maintenance");
        });
    }

    @Test
    void aClientErrorIsNotRetried() {
        web.stubFor(post("/hooks/alarm").willReturn(aResponse().withStatus(400)));
        String arn = destination("alarm-hook", apiKeyConnection(), url("/hooks/alarm"), "POST");
        putTarget("to-api", Target.builder().id("hook").arn(arn).roleArn(ROLE)
                .retryPolicy(p -> p.maximumRetryAttempts(3)).build());
        String id = putEvent("{}");
        assertThat(deliveries(id)).extracting(TargetDelivery::errorCode).containsExactly("HTTP_400");
    }

    @Test
    void aDeletedDestinationIsAFailedDelivery() {
        String arn = destination("gone", apiKeyConnection(), url("/x"), "POST");
        putTarget("to-api", Target.builder().id("gone").arn(arn).roleArn(ROLE).build());
        events.deleteApiDestination(r -> r.name("gone"));
        String id = putEvent("{}");
        assertThat(deliveries(id)).singleElement()
                .satisfies(d -> assertThat(d.errorCode()).isEqualTo("ResourceNotFoundException"));
    }

    @Test
    void anApiDestinationTargetNeedsARole() {
        String arn = destination("alarm-hook", apiKeyConnection(), url("/hooks/alarm"), "POST");
        assertThatThrownBy(() -> events.putTargets(r -> r.rule("to-api")
                .targets(Target.builder().id("hook").arn(arn).build())))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("RoleArn is required for target " + arn + ".");
    }
}
