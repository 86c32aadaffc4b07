package io.selfheal.harness.runid;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The SDK clients that delete what a run made (the harness's {@code CloudClients} are one set). */
public interface ServiceClients {
    Ec2Client ec2();

    CloudWatchClient cloudWatch();

    LambdaClient lambda();

    EventBridgeClient events();

    SqsClient sqs();

    SnsClient sns();

    CloudWatchLogsClient logs();

    IamClient iam();

    GuardDutyClient guardDuty();

    ConfigClient config();

    S3Client s3();

    software.amazon.awssdk.services.autoscaling.AutoScalingClient autoScaling();

    /**
     * Waits, on the cloud's clock, until {@code done} holds: on a virtual clock by advancing it (an instance shuts
     * down only as time passes there), on a real one by asking every few seconds (AWS throttles describe calls).
     *
     * @throws RuntimeException naming {@code what} when {@code max} passed first
     */
    void await(String what, java.time.Duration max, java.util.function.BooleanSupplier done);
}
