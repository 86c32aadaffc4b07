package io.selfheal.harness.stack;

import io.selfheal.harness.backend.Cloud;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Unmodified AWS SDK v2 clients pointed at a cloud: the harness provisions and injects only through these. */
public final class CloudClients implements AutoCloseable, io.selfheal.harness.runid.ServiceClients {
    private final Ec2Client ec2;
    private final CloudWatchClient cloudWatch;
    private final LambdaClient lambda;
    private final EventBridgeClient events;
    private final StsClient sts;
    private final SqsClient sqs;
    private final SnsClient sns;
    private final CloudWatchLogsClient logs;
    private final IamClient iam;
    private final GuardDutyClient guardDuty;
    private final ConfigClient config;
    private final S3Client s3;
    private final java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor> interceptors;
    private final Cloud cloud;
    private final AutoScalingClient autoScaling;

    public CloudClients(Cloud cloud) {
        this(cloud, java.util.List.of());
    }

    /**
     * Clients with {@code interceptors} on every call they make (the run's tagging and ledger, a plan's recorder),
     * in order.
     */
    public CloudClients(Cloud cloud, java.util.List<software.amazon.awssdk.core.interceptor.ExecutionInterceptor>
            interceptors) {
        this.interceptors = java.util.List.copyOf(interceptors);
        this.cloud = cloud;
        ec2 = configure(Ec2Client.builder(), cloud);
        cloudWatch = configure(CloudWatchClient.builder(), cloud);
        lambda = configure(LambdaClient.builder(), cloud);
        events = configure(EventBridgeClient.builder(), cloud);
        sts = configure(StsClient.builder(), cloud);
        sqs = configure(SqsClient.builder(), cloud);
        sns = configure(SnsClient.builder(), cloud);
        logs = configure(CloudWatchLogsClient.builder(), cloud);
        iam = configure(IamClient.builder(), cloud);
        guardDuty = configure(GuardDutyClient.builder(), cloud);
        config = configure(ConfigClient.builder(), cloud);
        // Path-style: a bucket name as a subdomain of a loopback endpoint would not resolve.
        s3 = configure(S3Client.builder().forcePathStyle(true), cloud);
        autoScaling = configure(AutoScalingClient.builder(), cloud);
    }

    private <B extends AwsClientBuilder<B, C>, C> C configure(B builder, Cloud cloud) {
        builder.overrideConfiguration(o -> interceptors.forEach(o::addExecutionInterceptor));
        if (cloud.endpoint() != null) { // null: AWS's own endpoints
            builder.endpointOverride(cloud.endpoint());
        }
        return builder.region(Region.of(cloud.region())).credentialsProvider(cloud.credentials()).build();
    }

    public GuardDutyClient guardDuty() {
        return guardDuty;
    }

    public ConfigClient config() {
        return config;
    }

    public S3Client s3() {
        return s3;
    }

    public Ec2Client ec2() {
        return ec2;
    }

    public CloudWatchClient cloudWatch() {
        return cloudWatch;
    }

    public LambdaClient lambda() {
        return lambda;
    }

    public EventBridgeClient events() {
        return events;
    }

    public StsClient sts() {
        return sts;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public SnsClient sns() {
        return sns;
    }

    public CloudWatchLogsClient logs() {
        return logs;
    }

    /** IAM (global: one namespace per account whatever the region the client signs with). */
    public IamClient iam() {
        return iam;
    }

    public AutoScalingClient autoScaling() {
        return autoScaling;
    }

    @Override
    public void await(String what, java.time.Duration max, java.util.function.BooleanSupplier done) {
        if (cloud.virtualTime()) {
            io.selfheal.harness.backend.Waits.until(cloud, what, max, done);
        } else {
            org.awaitility.Awaitility.await(what).atMost(max).pollDelay(java.time.Duration.ZERO)
                    .pollInterval(java.time.Duration.ofSeconds(2)).until(done::getAsBoolean);
        }
    }

    @Override
    public void close() {
        autoScaling.close();
        config.close();
        s3.close();
        iam.close();
        guardDuty.close();
        sqs.close();
        sns.close();
        logs.close();
        sts.close();
        ec2.close();
        cloudWatch.close();
        lambda.close();
        events.close();
    }
}
