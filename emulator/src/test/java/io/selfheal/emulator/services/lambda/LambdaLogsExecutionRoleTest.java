package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.authz.AuthorizationDecision;
import io.selfheal.emulator.core.authz.IamMode;
import io.selfheal.emulator.services.lambda.testfunctions.LoggingHandler;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * Lambda writes a function's logs with its execution role: under IAM enforcement a role without the Logs permissions
 * runs the function but its logs are missing, as on AWS
 * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html: "your function needs permission to
 * upload logs"); granting them (the AWSLambdaBasicExecutionRole actions) brings the logs.
 */
class LambdaLogsExecutionRoleTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE));

    @Test
    void aRoleWithoutLogsPermissionsRunsButLeavesNoLogsUntilGranted(LambdaClient lambda, CloudWatchLogsClient logs,
                                                                    IamClient iam) {
        TestFunctions.create(lambda, "quiet", LoggingHandler.class);

        InvokeResponse ran = TestFunctions.invoke(lambda, "quiet", "{\"tag\":\"unlogged\"}");
        assertThat(ran.functionError()).isNull();
        List<AuthorizationDecision> denied = await().atMost(Duration.ofSeconds(10)).until(() -> AWS.emulator()
                .control().decisions().stream().filter(d -> d.origin().equals(LogShipper.ORIGIN) && !d.allowed())
                .toList(), d -> !d.isEmpty());
        assertThat(denied.get(0).principalArn())
                .isEqualTo("arn:aws:sts::123456789012:assumed-role/remediation-role/quiet");
        assertThat(denied.get(0).action()).isEqualTo("logs:CreateLogStream");
        assertThat(logs.describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/quiet")).logGroups()).isEmpty();

        iam.putRolePolicy(r -> r.roleName("remediation-role").policyName("logs").policyDocument("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":"logs:CreateLogGroup","Resource":"arn:aws:logs:*:*:log-group:/aws/lambda/*"},
                 {"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],
                  "Resource":"arn:aws:logs:*:*:log-group:/aws/lambda/*:*"}]}"""));
        TestFunctions.invoke(lambda, "quiet", "{\"tag\":\"logged\"}");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(logs.filterLogEvents(b -> b
                .logGroupName("/aws/lambda/quiet")).events()).extracting(e -> e.message())
                .contains("stdout logged\n").doesNotContain("stdout unlogged\n"));
    }

    /**
     * Lambda creates the group only when it is missing, so a role without {@code logs:CreateLogGroup} logs into a
     * group made beforehand (as IaC usually makes it) and the permission is never asked for.
     */
    @Test
    void anExistingGroupNeedsNoCreateLogGroupPermission(LambdaClient lambda, CloudWatchLogsClient logs,
                                                        IamClient iam) {
        logs.createLogGroup(b -> b.logGroupName("/aws/lambda/pre-made"));
        TestFunctions.create(lambda, "pre-made", LoggingHandler.class);
        iam.putRolePolicy(r -> r.roleName("remediation-role").policyName("streams").policyDocument("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],
                  "Resource":"arn:aws:logs:*:*:log-group:/aws/lambda/pre-made:*"}]}"""));

        TestFunctions.invoke(lambda, "pre-made", "{\"tag\":\"existing\"}");

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(logs.filterLogEvents(
                b -> b.logGroupName("/aws/lambda/pre-made")).events()).extracting(e -> e.message())
                .contains("stdout existing\n"));
        assertThat(AWS.emulator().control().decisions()).noneMatch(d -> d.action().equals("logs:CreateLogGroup")
                && d.resource().endsWith(":log-group:/aws/lambda/pre-made"));
    }

    /**
     * Lambda creates one log stream per execution environment, when it starts, and then only puts events into it
     * (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html: "each instance of your function
     * has a dedicated log stream"), so a warm sandbox's later invocations ask for logs:PutLogEvents only.
     */
    @Test
    void aSandboxCreatesItsLogStreamOnceNotOnEveryInvocation(LambdaClient lambda, CloudWatchLogsClient logs,
                                                              IamClient iam) {
        TestFunctions.create(lambda, "one-stream", LoggingHandler.class);
        iam.putRolePolicy(r -> r.roleName("remediation-role").policyName("one-stream").policyDocument("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":["logs:CreateLogGroup","logs:CreateLogStream","logs:PutLogEvents"],
                  "Resource":["arn:aws:logs:*:*:log-group:/aws/lambda/one-stream",
                              "arn:aws:logs:*:*:log-group:/aws/lambda/one-stream:*"]}]}"""));

        for (String tag : List.of("first", "second", "third")) {
            TestFunctions.invoke(lambda, "one-stream", "{\"tag\":\"" + tag + "\"}");
        }

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> assertThat(logs.filterLogEvents(
                b -> b.logGroupName("/aws/lambda/one-stream")).events()).extracting(e -> e.message())
                .contains("stdout first\n", "stdout second\n", "stdout third\n"));
        assertThat(logs.describeLogStreams(b -> b.logGroupName("/aws/lambda/one-stream")).logStreams()).hasSize(1);
        List<AuthorizationDecision> asked = AWS.emulator().control().decisions().stream()
                .filter(d -> d.origin().equals(LogShipper.ORIGIN) && d.resource().contains("/aws/lambda/one-stream"))
                .toList();
        assertThat(asked).filteredOn(d -> d.action().equals("logs:CreateLogStream")).hasSize(1);
        assertThat(asked).filteredOn(d -> d.action().equals("logs:PutLogEvents")).hasSize(3);
    }
}
