package io.selfheal.emulator.services.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.authz.IamMode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * An SQS event source mapping polls with the function's execution role, under IAM enforcement: CreateEventSourceMapping
 * refuses a role without {@code sqs:ReceiveMessage}, {@code sqs:DeleteMessage} and {@code sqs:GetQueueAttributes}
 * on the queue ({@code InvalidParameterValueException}, "The function execution role does not have permissions to
 * call ReceiveMessage on SQS"), as the "Execution role permissions" of
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-configure.html require; AWS's managed
 * {@code AWSLambdaSQSQueueExecutionRole} grants them. A role that loses {@code sqs:DeleteMessage} later processes
 * messages without deleting them.
 */
class SqsEventSourceRoleTest {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");

    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).perTest()
            .configure(b -> b.iamMode(IamMode.ENFORCE));

    private LambdaClient lambda;
    private SqsClient sqs;
    private IamClient iam;
    private String url;
    private String queueArn;

    @BeforeEach
    void setUp(LambdaClient lambda, SqsClient sqs, IamClient iam) {
        this.lambda = lambda;
        this.sqs = sqs;
        this.iam = iam;
        TestFunctions.createScript(lambda, "worker", "python3.12", TestFunctions.zipOf("/lambda/esm"),
                "batch.handler", b -> b.timeout(10));
        url = sqs.createQueue(b -> b.queueName("work")).queueUrl();
        queueArn = "arn:aws:sqs:us-east-1:123456789012:work";
    }

    @Test
    void createRefusesARoleThatCannotPollNamingTheFirstMissingAction() {
        assertThatThrownBy(this::map).isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The function execution role does not have permissions to call ReceiveMessage on SQS");
        });
        rolePolicy("sqs:ReceiveMessage");
        assertThatThrownBy(this::map).isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                e.awsErrorDetails().errorMessage()).endsWith("call DeleteMessage on SQS"));
        rolePolicy("sqs:ReceiveMessage", "sqs:DeleteMessage");
        assertThatThrownBy(this::map).isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(
                e.awsErrorDetails().errorMessage()).endsWith("call GetQueueAttributes on SQS"));
        assertThat(lambda.listEventSourceMappings().eventSourceMappings()).isEmpty();
    }

    @Test
    void theAwsManagedQueueExecutionRolePolicyLetsItPollAndDelete() {
        iam.attachRolePolicy(b -> b.roleName("remediation-role")
                .policyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"));
        map();
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("reboot i-1"));
        AWS.advance(Duration.ofSeconds(1));

        assertThat(AWS.emulator().control().component(LambdaControl.class).invocations("worker")).hasSize(1);
        assertThat(counts()).containsExactly(0, 0);
    }

    @Test
    void aRoleThatLosesDeleteMessageLeavesProcessedMessagesToReturn() {
        rolePolicy("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes");
        String uuid = map();
        rolePolicy("sqs:ReceiveMessage", "sqs:GetQueueAttributes");
        sqs.sendMessage(b -> b.queueUrl(url).messageBody("reboot i-1"));
        AWS.advance(Duration.ofSeconds(1));

        assertThat(AWS.emulator().control().component(LambdaControl.class).invocations("worker")).hasSize(1);
        assertThat(counts()).containsExactly(0, 1);
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastProcessingResult())
                .isEqualTo("PROBLEM: The function execution role does not have permissions to call DeleteMessage "
                        + "on SQS");
    }

    private String map() {
        return lambda.createEventSourceMapping(b -> b.functionName("worker").eventSourceArn(queueArn)).uuid();
    }

    private void rolePolicy(String... actions) {
        iam.putRolePolicy(r -> r.roleName("remediation-role").policyName("poll").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\""
                        + String.join("\",\"", actions) + "\"],\"Resource\":\"" + queueArn + "\"}]}"));
    }

    private int[] counts() {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return new int[]{Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Integer.parseInt(a.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))};
    }
}
