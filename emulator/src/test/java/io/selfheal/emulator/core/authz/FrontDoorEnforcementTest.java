package io.selfheal.emulator.core.authz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.Ec2Control;
import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.policy.NamedPolicy;
import io.selfheal.emulator.core.policy.PolicyDocument;
import io.selfheal.emulator.core.policy.PolicySet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * IAM at the front door through the AWS SDK v2: a role session's calls are decided by its identity policies (here
 * handed to the authorizer directly; the IAM service supplies them in a full emulator), a denied call answers in the
 * service's own code and shape, CloudTrail records the error, and every decision is on the control API. Messages as
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html shows them; EC2's
 * UnauthorizedOperation is an HTTP 403 (https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html).
 */
class FrontDoorEnforcementTest {
    private static final String ACCOUNT = "123456789012";
    private static final String SESSION = "arn:aws:sts::" + ACCOUNT + ":assumed-role/fixer/fn";
    private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/fixer";
    private static final String KEY = "ASIAFIXERSESSION0001";
    private static final Map<String, List<NamedPolicy>> POLICIES = new ConcurrentHashMap<>();
    private static final AtomicReference<EmulatorContext> CONTEXT = new AtomicReference<>();

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE)
            .afterServices(ctx -> {
                CONTEXT.set(ctx);
                ctx.identities().register(new CallerIdentity(ACCOUNT, SESSION, "AROAFIXER:fn", KEY, "AssumedRole"));
                ctx.component(Authorization.class).policies(p -> new IdentityPolicies.Resolved(p,
                        PolicySet.identity(POLICIES.getOrDefault(p.issuerArn(), List.of()))));
            }));

    @BeforeEach
    void enforce() {
        AWS.emulator().control().iamMode(IamMode.ENFORCE);
        POLICIES.clear();
    }

    @AfterEach
    void forget() {
        AWS.emulator().control().reset();
    }

    private static void grant(String name, String json) {
        POLICIES.computeIfAbsent(ROLE, r -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(new NamedPolicy(name, PolicyDocument.parse(json)));
    }

    private static <B extends AwsClientBuilder<B, C>, C> C asRole(B builder) {
        return builder.endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(KEY, "secret", "token"))).build();
    }

    private static String runInstance(Ec2Client root) {
        String id = root.runInstances(r -> r.imageId("ami-0abcdef1234567890").instanceType("t3.micro").minCount(1)
                .maxCount(1)).instances().get(0).instanceId();
        org.awaitility.Awaitility.await().until(() -> root.describeInstances(r -> r.instanceIds(id)).reservations()
                .get(0).instances().get(0).state().nameAsString().equals("running"));
        return id;
    }

    private int reboots(String id) {
        return AWS.emulator().control().component(Ec2Control.class).rebootCount(id);
    }

    @Test
    void aRoleWithoutTheActionGetsUnauthorizedOperationAndTheInstanceIsNotRebooted(Ec2Client root,
                                                                                  CloudTrailClient trail) {
        String id = runInstance(root);
        String arn = "arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/" + id;
        try (Ec2Client ec2 = asRole(Ec2Client.builder())) {
            Ec2Exception denied = catchThrowableOfType(() -> ec2.rebootInstances(r -> r.instanceIds(id)),
                    Ec2Exception.class);

            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(denied.statusCode()).isEqualTo(403);
            assertThat(denied.awsErrorDetails().errorMessage()).startsWith("You are not authorized to perform this "
                    + "operation. User: " + SESSION + " is not authorized to perform: ec2:RebootInstances on resource: "
                    + arn + " because no identity-based policy allows the ec2:RebootInstances action. Encoded "
                    + "authorization failure message: ");
        }
        assertThat(reboots(id)).isZero();
        AuthorizationDecision decision = AWS.emulator().control().decisions().get(0);
        assertThat(decision.principalArn()).isEqualTo(SESSION);
        assertThat(decision.action()).isEqualTo("ec2:RebootInstances");
        assertThat(decision.resource()).isEqualTo(arn);
        assertThat(decision.outcome()).isEqualTo(AuthorizationDecision.Outcome.IMPLICIT_DENY);
        assertThat(decision.enforced()).isTrue();

        JsonNode record = trail.lookupEvents(r -> r.lookupAttributes(a -> a.attributeKey("EventName")
                .attributeValue("RebootInstances"))).events().stream()
                .map(e -> parse(e.cloudTrailEvent())).findFirst().orElseThrow();
        assertThat(record.path("errorCode").asText()).isEqualTo("UnauthorizedOperation");
        assertThat(record.path("errorMessage").asText()).contains("ec2:RebootInstances on resource: " + arn);
        assertThat(record.path("userIdentity").path("arn").asText()).isEqualTo(SESSION);
    }

    @Test
    void attachingThePermissionLetsTheCallThroughAndRecordsTheStatementThatAllowedIt(Ec2Client root) {
        String id = runInstance(root);
        grant("reboot", """
                {"Version":"2012-10-17","Statement":[{"Sid":"Reboot","Effect":"Allow",
                 "Action":"ec2:RebootInstances","Resource":"arn:aws:ec2:*:*:instance/*"}]}""");
        try (Ec2Client ec2 = asRole(Ec2Client.builder())) {
            ec2.rebootInstances(r -> r.instanceIds(id));
        }
        assertThat(reboots(id)).isEqualTo(1);
        assertThat(AWS.emulator().control().decisions()).singleElement().satisfies(d -> {
            assertThat(d.allowed()).isTrue();
            assertThat(d.matchedStatement()).isEqualTo("reboot/Reboot");
        });
    }

    @Test
    void anExplicitDenyOverridesAnAllow(Ec2Client root) {
        String id = runInstance(root);
        grant("admin", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");
        grant("guard", """
                {"Version":"2012-10-17","Statement":[{"Sid":"NoReboots","Effect":"Deny",
                 "Action":"ec2:Reboot*","Resource":"*"}]}""");
        try (Ec2Client ec2 = asRole(Ec2Client.builder())) {
            Ec2Exception denied = catchThrowableOfType(() -> ec2.rebootInstances(r -> r.instanceIds(id)),
                    Ec2Exception.class);
            assertThat(denied.awsErrorDetails().errorMessage())
                    .contains("is not authorized to perform: ec2:RebootInstances on resource: arn:aws:ec2:us-east-1:"
                            + ACCOUNT + ":instance/" + id + " with an explicit deny in an identity-based policy.");
            ec2.describeInstances(); // the Allow still applies to everything else
        }
        assertThat(reboots(id)).isZero();
        assertThat(AWS.emulator().control().decisions().get(0).matchedStatement()).isEqualTo("guard/NoReboots");
    }

    @Test
    void auditModeRecordsTheDenialButLetsTheCallRun(Ec2Client root) {
        String id = runInstance(root);
        AWS.emulator().control().iamMode(IamMode.AUDIT);
        try (Ec2Client ec2 = asRole(Ec2Client.builder())) {
            ec2.rebootInstances(r -> r.instanceIds(id));
        }
        assertThat(reboots(id)).isEqualTo(1);
        assertThat(AWS.emulator().control().decisions()).singleElement().satisfies(d -> {
            assertThat(d.allowed()).isFalse();
            assertThat(d.enforced()).isFalse();
        });
    }

    @Test
    void offModeDecidesNothingAndRootIsNeverChecked(Ec2Client root) {
        String id = runInstance(root);
        root.rebootInstances(r -> r.instanceIds(id));
        AWS.emulator().control().iamMode(IamMode.OFF);
        try (Ec2Client ec2 = asRole(Ec2Client.builder())) {
            ec2.rebootInstances(r -> r.instanceIds(id));
        }
        assertThat(reboots(id)).isEqualTo(2);
        assertThat(AWS.emulator().control().decisions()).isEmpty();
    }

    @Test
    void tagKeysInTheRequestAreConditionKeys(Ec2Client root) {
        String id = runInstance(root);
        grant("markers", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags",
                 "Resource":"arn:aws:ec2:*:*:instance/*","Condition":{
                   "ForAllValues:StringEquals":{"aws:TagKeys":["selfheal:remediated-by"]},
                   "Null":{"aws:TagKeys":"false"}}}]}""");
        try (Ec2Client ec2 = asRole(Ec2Client.builder())) {
            ec2.createTags(r -> r.resources(id).tags(t -> t.key("selfheal:remediated-by").value("fn")));
            Ec2Exception denied = catchThrowableOfType(() -> ec2.createTags(r -> r.resources(id)
                    .tags(t -> t.key("Owner").value("me"))), Ec2Exception.class);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
        }
    }

    /** Each protocol's own code and status: query, AWS JSON, query-compatible JSON, REST-JSON, and SNS's own. */
    @Test
    void eachServiceRefusesInItsOwnShape() {
        try (EventBridgeClient events = asRole(EventBridgeClient.builder());
             CloudWatchLogsClient logs = asRole(CloudWatchLogsClient.builder());
             LambdaClient lambda = asRole(LambdaClient.builder());
             SnsClient sns = asRole(SnsClient.builder());
             SqsClient sqs = asRole(SqsClient.builder());
             CloudWatchClient cloudWatch = asRole(CloudWatchClient.builder())) {
            assertDenied(() -> events.listRules(r -> { }), "AccessDeniedException", 400, "events:ListRules");
            assertDenied(() -> logs.describeLogGroups(), "AccessDeniedException", 400, "logs:DescribeLogGroups");
            assertDenied(() -> lambda.listFunctions(), "AccessDeniedException", 403, "lambda:ListFunctions");
            assertDenied(() -> sns.listTopics(), "AuthorizationError", 403, "sns:ListTopics");
            assertDenied(() -> sqs.listQueues(), "AccessDenied", 403, "sqs:ListQueues");
            assertDenied(() -> cloudWatch.describeAlarms(), "AccessDenied", 403, "cloudwatch:DescribeAlarms");
        }
    }

    private static void assertDenied(Runnable call, String code, int status, String action) {
        AwsServiceException e = catchThrowableOfType(call::run, AwsServiceException.class);
        assertThat(e.awsErrorDetails().errorCode()).as(action).isEqualTo(code);
        assertThat(e.statusCode()).as(action).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorMessage()).as(action).isEqualTo("User: " + SESSION
                + " is not authorized to perform: " + action + " on resource: * because no identity-based policy "
                + "allows the " + action + " action");
    }

    @Test
    void theControlApiReadsAndSetsTheModeAndListsDecisions(Ec2Client root) throws Exception {
        String id = runInstance(root);
        try (Ec2Client ec2 = asRole(Ec2Client.builder())) {
            catchThrowableOfType(() -> ec2.rebootInstances(r -> r.instanceIds(id)), Ec2Exception.class);
        }
        HttpClient http = HttpClient.newHttpClient();
        String base = AWS.emulator().endpoint() + "/_selfheal/iam/";
        JsonNode decisions = parse(http.send(HttpRequest.newBuilder(URI.create(base + "decisions?outcome=denied"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(decisions).hasSize(1);
        assertThat(decisions.get(0).path("principal").asText()).isEqualTo(SESSION);
        assertThat(decisions.get(0).path("action").asText()).isEqualTo("ec2:RebootInstances");
        assertThat(decisions.get(0).path("decision").asText()).isEqualTo("IMPLICIT_DENY");
        assertThat(decisions.get(0).path("reason").asText()).isEqualTo("no identity-based policy allows it");

        HttpResponse<String> set = http.send(HttpRequest.newBuilder(URI.create(base + "mode?mode=audit"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(parse(set.body()).path("mode").asText()).isEqualTo("audit");
        assertThat(AWS.emulator().control().iamMode()).isEqualTo(IamMode.AUDIT);
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "mode?mode=strict"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("off, audit, enforce");
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json);
        } catch (java.io.IOException e) {
            throw new AssertionError(json, e);
        }
    }
}
