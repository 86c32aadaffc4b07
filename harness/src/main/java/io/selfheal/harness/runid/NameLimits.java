package io.selfheal.harness.runid;

/** The longest name each service takes for what a run makes (AWS's API references), for {@link RunIdentity#name}. */
public final class NameLimits {
    /** https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateRole.html */
    public static final int IAM_ROLE = 64;
    /** https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html (the name alone, not an ARN). */
    public static final int LAMBDA_FUNCTION = 64;
    /** https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html */
    public static final int SQS_QUEUE = 80;
    /** https://docs.aws.amazon.com/sns/latest/api/API_CreateTopic.html */
    public static final int SNS_TOPIC = 256;
    /** https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_PutRule.html (connections and API destinations alike). */
    public static final int EVENTS_NAME = 64;
    /** https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html */
    public static final int ALARM = 255;
    /** https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html */
    public static final int LOG_GROUP = 512;
    /** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html */
    public static final int SECURITY_GROUP = 255;
    /** https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html */
    public static final int BUCKET = 63;
    /** https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigRule.html */
    public static final int CONFIG_RULE = 128;
    /** https://docs.aws.amazon.com/config/latest/APIReference/API_ConfigurationRecorder.html (delivery channels alike). */
    public static final int CONFIG_RECORDER = 256;

    /** https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplate.html */
    public static final int LAUNCH_TEMPLATE = 128;
    /** https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html */
    public static final int AUTO_SCALING_GROUP = 255;

    private NameLimits() {
    }
}
