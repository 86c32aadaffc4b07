package io.selfheal.emulator.services.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.ApiDestination;
import software.amazon.awssdk.services.eventbridge.model.ApiDestinationHttpMethod;
import software.amazon.awssdk.services.eventbridge.model.ApiDestinationState;
import software.amazon.awssdk.services.eventbridge.model.Connection;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.ConnectionState;
import software.amazon.awssdk.services.eventbridge.model.CreateApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionAuthRequestParameters;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeApiDestinationResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;

/**
 * The Connections and API destinations operations (EventBridge API reference: CreateConnection …
 * DeleteApiDestination) through the SDK: response shapes, states, secrets never returned, AWS's validation.
 */
class EventBridgeConnectionsTest extends EventBridgeTargetTestBase {
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
    }

    static CreateConnectionAuthRequestParameters apiKey(String value) {
        return CreateConnectionAuthRequestParameters.builder()
                .apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue(value))
                .invocationHttpParameters(h -> h.headerParameters(
                        p -> p.key("X-Tenant").value("acme").isValueSecret(false),
                        p -> p.key("X-Signature").value("hidden").isValueSecret(true))).build();
    }

    static CreateConnectionAuthRequestParameters oauth(String endpoint) {
        return CreateConnectionAuthRequestParameters.builder().oAuthParameters(o -> o
                .authorizationEndpoint(endpoint).httpMethod("POST")
                .clientParameters(c -> c.clientID("client").clientSecret("very-secret"))).build();
    }

    @Test
    void anApiKeyConnectionIsAuthorizedAndDescribedWithoutItsSecrets() {
        CreateConnectionResponse created = events.createConnection(r -> r.name("pager").description("PagerDuty")
                .authorizationType(ConnectionAuthorizationType.API_KEY).authParameters(apiKey("k3y")));
        assertThat(created.connectionArn())
                .matches("arn:aws:events:us-east-1:" + ACCOUNT + ":connection/pager/[-0-9a-f]{36}");
        assertThat(created.connectionState()).isEqualTo(ConnectionState.AUTHORIZED);
        assertThat(created.creationTime()).isNotNull();

        DescribeConnectionResponse described = events.describeConnection(r -> r.name("pager"));
        assertThat(described.connectionArn()).isEqualTo(created.connectionArn());
        assertThat(described.name()).isEqualTo("pager");
        assertThat(described.description()).isEqualTo("PagerDuty");
        assertThat(described.authorizationType()).isEqualTo(ConnectionAuthorizationType.API_KEY);
        assertThat(described.secretArn()).isEqualTo("arn:aws:secretsmanager:us-east-1:" + ACCOUNT
                + ":secret:events!connection/pager/" + created.connectionArn().substring(
                        created.connectionArn().lastIndexOf('/') + 1));
        assertThat(described.authParameters().apiKeyAuthParameters().apiKeyName()).isEqualTo("x-api-key");
        assertThat(described.authParameters().invocationHttpParameters().headerParameters())
                .anySatisfy(p -> assertThat(p.value()).isEqualTo("acme"))
                .anySatisfy(p -> {
                    assertThat(p.key()).isEqualTo("X-Signature");
                    assertThat(p.value()).isNull();
                });
        assertThat(described.lastAuthorizedTime()).isNotNull();
        assertThat(described.toString()).doesNotContain("k3y").doesNotContain("hidden");
    }

    @Test
    void anOAuthConnectionIsAuthorizingUntilItsEndpointGivesAToken() {
        web.stubFor(post("/token").willReturn(okJson("{\"access_token\":\"t\",\"expires_in\":60}")));
        CreateConnectionResponse created = events.createConnection(r -> r.name("oauth")
                .authorizationType(ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS)
                .authParameters(oauth("http://localhost:" + web.port() + "/token")));
        assertThat(created.connectionState()).isEqualTo(ConnectionState.AUTHORIZING);
        awaitIdle();
        DescribeConnectionResponse described = events.describeConnection(r -> r.name("oauth"));
        assertThat(described.connectionState()).isEqualTo(ConnectionState.AUTHORIZED);
        assertThat(described.authParameters().oAuthParameters().clientParameters().clientID()).isEqualTo("client");
        assertThat(described.toString()).doesNotContain("very-secret");
    }

    @Test
    void anOAuthConnectionWhoseEndpointRefusesIsDeauthorized() {
        web.stubFor(post("/token").willReturn(aResponse().withStatus(401).withBody("invalid_client")));
        events.createConnection(r -> r.name("oauth")
                .authorizationType(ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS)
                .authParameters(oauth("http://localhost:" + web.port() + "/token")));
        awaitIdle();
        DescribeConnectionResponse described = events.describeConnection(r -> r.name("oauth"));
        assertThat(described.connectionState()).isEqualTo(ConnectionState.DEAUTHORIZED);
        assertThat(described.stateReason()).contains("answered 401: invalid_client");
    }

    @Test
    void connectionsAreListedByPrefixAndState() {
        events.createConnection(r -> r.name("ops-a").authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(apiKey("1")));
        events.createConnection(r -> r.name("ops-b").authorizationType(ConnectionAuthorizationType.BASIC)
                .authParameters(a -> a.basicAuthParameters(b -> b.username("u").password("p"))));
        events.createConnection(r -> r.name("dev").authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(apiKey("2")));
        events.deauthorizeConnection(r -> r.name("ops-b"));

        assertThat(events.listConnections(r -> r.namePrefix("ops")).connections()).extracting(Connection::name)
                .containsExactly("ops-a", "ops-b");
        assertThat(events.listConnections(r -> r.connectionState(ConnectionState.AUTHORIZED)).connections())
                .extracting(Connection::name).containsExactly("dev", "ops-a");
        var page = events.listConnections(r -> r.limit(2));
        assertThat(page.connections()).hasSize(2);
        assertThat(events.listConnections(r -> r.nextToken(page.nextToken())).connections())
                .extracting(Connection::name).containsExactly("ops-b");
    }

    @Test
    void updateReplacesWhatIsGivenAndDeleteForgets() {
        events.createConnection(r -> r.name("pager").authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(apiKey("old")));
        events.updateConnection(r -> r.name("pager").description("rotated")
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyValue("new"))));
        DescribeConnectionResponse described = events.describeConnection(r -> r.name("pager"));
        assertThat(described.description()).isEqualTo("rotated");
        assertThat(described.authParameters().apiKeyAuthParameters().apiKeyName()).isEqualTo("x-api-key");

        events.updateConnection(r -> r.name("pager").authorizationType(ConnectionAuthorizationType.BASIC)
                .authParameters(a -> a.basicAuthParameters(b -> b.username("u").password("p"))));
        described = events.describeConnection(r -> r.name("pager"));
        assertThat(described.authorizationType()).isEqualTo(ConnectionAuthorizationType.BASIC);
        assertThat(described.authParameters().apiKeyAuthParameters()).isNull();

        var deleted = events.deleteConnection(r -> r.name("pager"));
        assertThat(deleted.connectionState()).isEqualTo(ConnectionState.DELETING);
        assertThatThrownBy(() -> events.describeConnection(r -> r.name("pager")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Connection 'pager' does not exist.");
    }

    @Test
    void connectionsAreValidatedAsTheApiModelSays() {
        events.createConnection(r -> r.name("pager").authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(apiKey("1")));
        assertThatThrownBy(() -> events.createConnection(r -> r.name("pager")
                .authorizationType(ConnectionAuthorizationType.API_KEY).authParameters(apiKey("1"))))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        // "You must include only authorization parameters for the AuthorizationType you specify."
        assertThatThrownBy(() -> events.createConnection(r -> r.name("mixed")
                .authorizationType(ConnectionAuthorizationType.BASIC).authParameters(apiKey("1"))))
                .isInstanceOf(EventBridgeException.class).hasMessageContaining("must not contain ApiKeyAuthParameters");
        assertThatThrownBy(() -> events.createConnection(r -> r.name("half")
                .authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key")))))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Value null at 'authParameters.apiKeyAuthParameters.apiKeyValue' failed to "
                        + "satisfy constraint: Member must not be null");
        assertThatThrownBy(() -> events.createConnection(r -> r.name("bad name!")
                .authorizationType(ConnectionAuthorizationType.API_KEY).authParameters(apiKey("1"))))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must satisfy regular expression pattern");
        assertThatThrownBy(() -> events.createConnection(r -> r.name("plain")
                .authorizationType(ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS)
                .authParameters(oauth("http://auth.example.com/token"))))
                .isInstanceOf(EventBridgeException.class).hasMessageContaining("it must be an HTTPS URL");
    }

    @Test
    void apiDestinationsAreCreatedDescribedListedUpdatedAndDeleted() {
        String conn = events.createConnection(r -> r.name("pager")
                .authorizationType(ConnectionAuthorizationType.API_KEY).authParameters(apiKey("1"))).connectionArn();
        CreateApiDestinationResponse created = events.createApiDestination(r -> r.name("incidents")
                .description("open an incident").connectionArn(conn)
                .invocationEndpoint("https://events.pagerduty.com/v2/enqueue").httpMethod("POST"));
        assertThat(created.apiDestinationArn())
                .matches("arn:aws:events:us-east-1:" + ACCOUNT + ":api-destination/incidents/[-0-9a-f]{36}");
        assertThat(created.apiDestinationState()).isEqualTo(ApiDestinationState.ACTIVE);

        DescribeApiDestinationResponse described = events.describeApiDestination(r -> r.name("incidents"));
        assertThat(described.connectionArn()).isEqualTo(conn);
        assertThat(described.description()).isEqualTo("open an incident");
        assertThat(described.httpMethod()).isEqualTo(ApiDestinationHttpMethod.POST);
        assertThat(described.invocationRateLimitPerSecond()).isEqualTo(300);

        events.createApiDestination(r -> r.name("status").connectionArn(conn)
                .invocationEndpoint("https://status.example.com/*").httpMethod("PUT")
                .invocationRateLimitPerSecond(5));
        assertThat(events.listApiDestinations(r -> r.namePrefix("inc")).apiDestinations())
                .extracting(ApiDestination::name).containsExactly("incidents");
        assertThat(events.listApiDestinations(r -> r.connectionArn(conn)).apiDestinations())
                .extracting(ApiDestination::name).containsExactly("incidents", "status");

        events.updateApiDestination(r -> r.name("status").httpMethod("PATCH"));
        described = events.describeApiDestination(r -> r.name("status"));
        assertThat(described.httpMethod()).isEqualTo(ApiDestinationHttpMethod.PATCH);
        assertThat(described.invocationRateLimitPerSecond()).isEqualTo(5);
        assertThat(described.invocationEndpoint()).isEqualTo("https://status.example.com/*");

        events.deleteApiDestination(r -> r.name("status"));
        assertThatThrownBy(() -> events.describeApiDestination(r -> r.name("status")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("An api-destination 'status' does not exist.");
    }

    @Test
    void apiDestinationsAreValidatedAsTheApiModelSays() {
        String conn = events.createConnection(r -> r.name("pager")
                .authorizationType(ConnectionAuthorizationType.API_KEY).authParameters(apiKey("1"))).connectionArn();
        events.createApiDestination(r -> r.name("hook").connectionArn(conn)
                .invocationEndpoint("https://example.com/hook").httpMethod("POST"));
        assertThatThrownBy(() -> events.createApiDestination(r -> r.name("hook").connectionArn(conn)
                .invocationEndpoint("https://example.com/hook").httpMethod("POST")))
                .isInstanceOf(ResourceAlreadyExistsException.class);
        String missing = conn.replaceAll("/[^/]+$", "/00000000-0000-0000-0000-000000000000");
        assertThatThrownBy(() -> events.createApiDestination(r -> r.name("orphan").connectionArn(missing)
                .invocationEndpoint("https://example.com/hook").httpMethod("POST")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> events.createApiDestination(r -> r.name("trace").connectionArn(conn)
                .invocationEndpoint("https://example.com/hook").httpMethod("TRACE")))
                .isInstanceOf(EventBridgeException.class).hasMessageContaining("Member must satisfy enum value set");
        assertThatThrownBy(() -> events.createApiDestination(r -> r.name("plain").connectionArn(conn)
                .invocationEndpoint("http://example.com/hook").httpMethod("POST")))
                .isInstanceOf(EventBridgeException.class).hasMessageContaining("it must be an HTTPS URL");
        assertThatThrownBy(() -> events.createApiDestination(r -> r.name("slow").connectionArn(conn)
                .invocationEndpoint("https://example.com/hook").httpMethod("POST").invocationRateLimitPerSecond(0)))
                .isInstanceOf(EventBridgeException.class)
                .hasMessageContaining("Member must have value greater than or equal to 1");
    }
}
