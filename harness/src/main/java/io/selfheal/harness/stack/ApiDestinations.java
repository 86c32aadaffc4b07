package io.selfheal.harness.stack;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ApiDestinationHttpMethod;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.CreateConnectionAuthRequestParameters;

/**
 * The EventBridge side of an {@code httpEndpoint} rule target, as the team's IaC would make it: a connection
 * (CreateConnection, with the target's API key or basic credentials) and an API destination (CreateApiDestination:
 * POST to the endpoint's URL), one pair per target, named after the rule and the target id.
 */
final class ApiDestinations {
    /** EventBridge's default InvocationRateLimitPerSecond. */
    static final int DEFAULT_RATE_LIMIT = 300;

    private final EventBridgeClient events;
    private final StackState state;
    private final String accountId;
    private final Provisioning provisioning;

    ApiDestinations(EventBridgeClient events, StackState state, String accountId, Provisioning p) {
        this.provisioning = p;
        this.events = events;
        this.state = state;
        this.accountId = accountId;
    }

    /** Creates the target's connection and API destination; returns the destination's ARN. */
    String create(RuleKind.Rule rule, RuleKind.Target target) {
        String name = provisioning.name(name(rule.name() + "-" + target.id()),
                io.selfheal.harness.runid.NameLimits.EVENTS_NAME);
        RuleKind.Connection c = target.connection() == null ? RuleKind.Connection.DEFAULT : target.connection();
        CreateConnectionAuthRequestParameters.Builder auth = CreateConnectionAuthRequestParameters.builder();
        if (c.authorization().equals("BASIC")) {
            auth.basicAuthParameters(b -> b.username(state.resolve(c.username())).password(state.resolve(c.password())));
        } else {
            auth.apiKeyAuthParameters(k -> k.apiKeyName(c.apiKeyName()).apiKeyValue(state.resolve(c.apiKeyValue())));
        }
        String connectionArn = events.createConnection(r -> r.name(name)
                .authorizationType(ConnectionAuthorizationType.fromValue(c.authorization()))
                .authParameters(auth.build())).connectionArn();
        return events.createApiDestination(r -> r.name(name).connectionArn(connectionArn)
                .invocationEndpoint(state.get(HttpEndpointKind.KEY, target.httpEndpoint(), "url"))
                .httpMethod(ApiDestinationHttpMethod.POST)
                .invocationRateLimitPerSecond(target.rateLimitPerSecond() == null ? DEFAULT_RATE_LIMIT
                        : target.rateLimitPerSecond())).apiDestinationArn();
    }

    /**
     * The role EventBridge assumes to invoke the destination (events:InvokeApiDestination); PutTargets requires one
     * for API destinations. The emulator does not evaluate IAM, so only its ARN matters.
     */
    String roleArn(RuleKind.Rule rule) {
        return "arn:aws:iam::" + accountId + ":role/" + name(rule.name() + "-api-destinations");
    }

    /** Connection and destination names: {@code [.\-_A-Za-z0-9]+}, at most 64 characters. */
    private static String name(String wanted) {
        String name = wanted.replaceAll("[^.\\-_A-Za-z0-9]", "-");
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
