package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.authz.AuthorizationDecision;
import io.selfheal.emulator.core.authz.IamMode;
import io.selfheal.emulator.services.lambda.testfunctions.EchoHandler;
import io.selfheal.emulator.services.lambda.testfunctions.FailingHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Lambda sends destination records and dead letters with the function's execution role, under IAM enforcement, as
 * AWS does: the role needs {@code sqs:SendMessage} / {@code sns:Publish} / {@code lambda:InvokeFunction} on the target,
 * from its own policies or from the target's policy naming it (same account: either allows, an explicit Deny wins);
 * a refused delivery is lost and counted in {@code DeadLetterErrors} / {@code DestinationDeliveryFailures}.
 * https://docs.aws.amazon.com/lambda/latest/dg/invocation-async-retain-records.html (destination and DLQ
 * permissions), https://docs.aws.amazon.com/lambda/latest/dg/monitoring-metrics-types.html (the metrics),
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html.
 */
class LambdaDeliveryRoleTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final String ACCOUNT = "123456789012";
    private static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/service-role/remediation-role";
    private static final String SESSION = "arn:aws:sts::" + ACCOUNT + ":assumed-role/remediation-role/failing";

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).perTest()
            .configure(b -> b.iamMode(IamMode.ENFORCE));

    private LambdaClient lambda;
    private SqsClient sqs;
    private IamClient iam;
    private String failures;
    private String deadLetters;

    @BeforeEach
    void setUp(LambdaClient lambda, SqsClient sqs, IamClient iam) {
        this.lambda = lambda;
        this.sqs = sqs;
        this.iam = iam;
        failures = sqs.createQueue(b -> b.queueName("failures")).queueUrl();
        deadLetters = sqs.createQueue(b -> b.queueName("dead-letters")).queueUrl();
    }

    @Test
    void aRoleThatMayNotSendLosesTheRecordAndTheDeadLetterAndBothAreCounted(CloudWatchClient cw) {
        failingFunctionWithQueueDestinations();

        invokeAsync("failing");
        AWS.advance(Duration.ofMinutes(1));

        assertThat(receive(failures)).isEmpty();
        assertThat(receive(deadLetters)).isEmpty();
        assertThat(sum(cw, "DestinationDeliveryFailures")).isEqualTo(1);
        assertThat(sum(cw, "DeadLetterErrors")).isEqualTo(1);
        List<AuthorizationDecision> denied = deliveryDecisions().stream().filter(d -> !d.allowed()).toList();
        assertThat(denied).extracting(AuthorizationDecision::action, AuthorizationDecision::resource)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("sqs:SendMessage", queueArn("failures")),
                        org.assertj.core.groups.Tuple.tuple("sqs:SendMessage", queueArn("dead-letters")));
        assertThat(denied).allSatisfy(d -> {
            assertThat(d.principalArn()).isEqualTo(SESSION);
            assertThat(d.reason()).isEqualTo("no identity-based policy allows it");
            assertThat(d.enforced()).isTrue();
        });
    }

    @Test
    void theRolesOwnPolicyOrAQueuePolicyNamingTheRoleLetsTheSendsThrough(CloudWatchClient cw) {
        failingFunctionWithQueueDestinations();
        iam.putRolePolicy(r -> r.roleName("remediation-role").policyName("destination").policyDocument(
                allow("sqs:SendMessage", queueArn("failures"))));
        // the queue's own policy naming the role (with its path) is enough within the account
        sqs.setQueueAttributes(b -> b.queueUrl(deadLetters).attributes(java.util.Map.of(QueueAttributeName.POLICY,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                        + ROLE_ARN + "\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn("dead-letters")
                        + "\"}]}")));

        invokeAsync("failing");
        AWS.advance(Duration.ofMinutes(1));

        assertThat(receive(failures)).hasSize(1);
        assertThat(receive(deadLetters)).extracting(Message::body).containsExactly("{\"reason\":\"denied\"}");
        assertThat(sum(cw, "DestinationDeliveryFailures")).isZero();
        assertThat(sum(cw, "DeadLetterErrors")).isZero();
        assertThat(deliveryDecisions()).allMatch(AuthorizationDecision::allowed).hasSize(2);
    }

    @Test
    void anExplicitDenyInTheQueuePolicyOverridesTheRolesAllow(CloudWatchClient cw) {
        failingFunctionWithQueueDestinations();
        iam.putRolePolicy(r -> r.roleName("remediation-role").policyName("all-queues").policyDocument(
                allow("sqs:*", "*")));
        sqs.setQueueAttributes(b -> b.queueUrl(deadLetters).attributes(java.util.Map.of(QueueAttributeName.POLICY,
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"NoLambda\",\"Effect\":\"Deny\","
                        + "\"Principal\":\"*\",\"Action\":\"sqs:SendMessage\",\"Resource\":\""
                        + queueArn("dead-letters") + "\"}]}")));

        invokeAsync("failing");
        AWS.advance(Duration.ofMinutes(1));

        assertThat(receive(failures)).hasSize(1);
        assertThat(receive(deadLetters)).isEmpty();
        assertThat(sum(cw, "DeadLetterErrors")).isEqualTo(1);
        assertThat(deliveryDecisions()).filteredOn(d -> !d.allowed()).singleElement().satisfies(d -> assertThat(
                d.reason()).isEqualTo("explicit deny in a resource-based policy (queue policy/NoLambda)"));
    }

    @Test
    void eachTargetKindNeedsItsOwnActionTopicsPublishFunctionsInvoke(SnsClient sns, CloudWatchClient cw) {
        String topic = sns.createTopic(b -> b.name("dead-letters")).topicArn();
        String handler = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:handler";
        TestFunctions.create(lambda, "handler", EchoHandler.class);
        TestFunctions.create(lambda, "failing", FailingHandler.class, b -> b.deadLetterConfig(d -> d.targetArn(topic)));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(f -> f.destination(handler))));
        // sqs:* grants neither of them
        iam.putRolePolicy(r -> r.roleName("remediation-role").policyName("queues").policyDocument(
                allow("sqs:*", "*")));

        invokeAsync("failing");
        AWS.advance(Duration.ofMinutes(1));
        assertThat(invocations("handler")).isEmpty();
        assertThat(sum(cw, "DestinationDeliveryFailures")).isEqualTo(1);
        assertThat(sum(cw, "DeadLetterErrors")).isEqualTo(1);
        assertThat(deliveryDecisions()).extracting(AuthorizationDecision::action)
                .containsExactlyInAnyOrder("lambda:InvokeFunction", "sns:Publish");

        iam.putRolePolicy(r -> r.roleName("remediation-role").policyName("deliveries").policyDocument("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":"lambda:InvokeFunction","Resource":"%s"},
                 {"Effect":"Allow","Action":"sns:Publish","Resource":"%s"}]}""".formatted(handler, topic)));
        invokeAsync("failing");
        AWS.advance(Duration.ofMinutes(1));
        assertThat(invocations("handler")).hasSize(1);
        assertThat(sum(cw, "DestinationDeliveryFailures")).isEqualTo(1);
        assertThat(sum(cw, "DeadLetterErrors")).isEqualTo(1);
    }

    private void failingFunctionWithQueueDestinations() {
        TestFunctions.create(lambda, "failing", FailingHandler.class,
                b -> b.deadLetterConfig(d -> d.targetArn(queueArn("dead-letters"))));
        lambda.putFunctionEventInvokeConfig(b -> b.functionName("failing").maximumRetryAttempts(0)
                .destinationConfig(d -> d.onFailure(f -> f.destination(queueArn("failures")))));
    }

    private static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"" + resource + "\"}]}";
    }

    private void invokeAsync(String function) {
        lambda.invoke(b -> b.functionName(function).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String("{\"reason\":\"denied\"}")));
    }

    private List<Message> receive(String url) {
        return sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
    }

    private static List<AuthorizationDecision> deliveryDecisions() {
        return AWS.emulator().control().decisions().stream()
                .filter(d -> d.origin().equals(AsyncOutcomes.ORIGIN)).toList();
    }

    private static List<FunctionInvocation> invocations(String function) {
        return AWS.emulator().control().component(LambdaControl.class).invocations(function);
    }

    private static String queueArn(String name) {
        return "arn:aws:sqs:us-east-1:" + ACCOUNT + ":" + name;
    }

    private static double sum(CloudWatchClient cw, String metric) {
        return cw.getMetricStatistics(b -> b.namespace("AWS/Lambda").metricName(metric)
                        .dimensions(d -> d.name("FunctionName").value("failing"))
                        .startTime(START.minusSeconds(3600)).endTime(START.plusSeconds(3600)).period(3600)
                        .statistics(Statistic.SUM)).datapoints().stream()
                .mapToDouble(d -> d.sum()).sum();
    }
}
