package io.selfheal.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.CallerIdentity;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.OperationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Every operation is registered with its facts ({@link OperationSpec}): read or write, CloudTrail event category, IAM
 * action, resources, blocking, REST route. These tests fail when an operation lacks one or states one AWS does not.
 */
class OperationFactsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static final Pattern ACTION = Pattern.compile("[a-z0-9-]+:[A-Z][A-Za-z0-9]+");

    /**
     * IAM actions that are not the operation's name (Service Authorization Reference: Lambda's Invoke is
     * lambda:InvokeFunction; SQS and SNS batch calls are authorized as their single-message action,
     * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-api-permissions-reference.html,
     * https://docs.aws.amazon.com/sns/latest/api/API_PublishBatch.html); S3's operations are authorized by the
     * actions of https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations.html ("Permissions" of each page,
     * e.g. ListObjectsV2 needs s3:ListBucket, HeadObject s3:GetObject, CopyObject and the multipart calls s3:PutObject).
     */
    private static final Map<String, String> RENAMED_ACTIONS = Map.ofEntries(
            Map.entry("s3.HeadBucket", "s3:ListBucket"), Map.entry("s3.ListBuckets", "s3:ListAllMyBuckets"),
            Map.entry("s3.DeleteBucketTagging", "s3:PutBucketTagging"), Map.entry("s3.ListObjectsV2", "s3:ListBucket"),
            Map.entry("s3.ListObjects", "s3:ListBucket"), Map.entry("s3.HeadObject", "s3:GetObject"),
            Map.entry("s3.DeleteObjects", "s3:DeleteObject"), Map.entry("s3.CopyObject", "s3:PutObject"),
            Map.entry("s3.CreateMultipartUpload", "s3:PutObject"), Map.entry("s3.UploadPart", "s3:PutObject"),
            Map.entry("s3.CompleteMultipartUpload", "s3:PutObject"),
            Map.entry("s3.ListParts", "s3:ListMultipartUploadParts"),
            Map.entry("lambda.Invoke", "lambda:InvokeFunction"),
            Map.entry("sqs.SendMessageBatch", "sqs:SendMessage"),
            Map.entry("sqs.DeleteMessageBatch", "sqs:DeleteMessage"),
            Map.entry("sqs.ChangeMessageVisibilityBatch", "sqs:ChangeMessageVisibility"),
            Map.entry("sns.PublishBatch", "sns:Publish"));

    /**
     * The data events among what the emulator answers, from each service's "Logging … API calls using AWS
     * CloudTrail" page (resource types AWS::SQS::Queue, AWS::SNS::Topic, AWS::Lambda::Function, AWS::Events::EventBus,
     * AWS::CloudWatch::Metric, AWS::Logs::LogStream):
     * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html; S3's
     * object-level operations and object listings (AWS::S3::Object):
     * https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html
     */
    private static final Set<String> DATA_EVENTS = Set.of(
            "sqs.SendMessage", "sqs.SendMessageBatch", "sqs.ReceiveMessage", "sqs.DeleteMessage",
            "sqs.DeleteMessageBatch", "sqs.ChangeMessageVisibility", "sqs.ChangeMessageVisibilityBatch",
            "sns.Publish", "sns.PublishBatch", "lambda.Invoke", "events.PutEvents",
            "monitoring.PutMetricData", "monitoring.GetMetricData", "monitoring.GetMetricStatistics",
            "monitoring.ListMetrics", "logs.PutLogEvents", "logs.GetLogEvents", "logs.FilterLogEvents",
            "s3.PutObject", "s3.GetObject", "s3.HeadObject", "s3.DeleteObject", "s3.DeleteObjects", "s3.CopyObject",
            "s3.ListObjectsV2", "s3.ListObjects", "s3.PutObjectTagging", "s3.GetObjectTagging",
            "s3.DeleteObjectTagging", "s3.CreateMultipartUpload", "s3.UploadPart", "s3.CompleteMultipartUpload",
            "s3.AbortMultipartUpload", "s3.ListParts");

    @Test
    void everyBuiltInServiceNamesItselfAsAwsDoes() {
        for (AwsService service : AWS.emulator().services().all()) {
            assertThat(service.displayName()).as(service.descriptor().signingName())
                    .matches("(Amazon|AWS) .+");
        }
    }

    @Test
    void everyOperationHasItsServicesIamActionUnlessAwsNamesItOtherwise() {
        List<String> wrong = new ArrayList<>();
        for (AwsService service : AWS.emulator().services().all()) {
            String prefix = service.operations().iamPrefix();
            for (OperationSpec op : service.operations().all()) {
                String key = service.descriptor().signingName() + "." + op.name();
                String expected = RENAMED_ACTIONS.getOrDefault(key, prefix + ":" + op.name());
                if (!op.iamAction().equals(expected) || !ACTION.matcher(op.iamAction()).matches()) {
                    wrong.add(key + " → " + op.iamAction() + " (expected " + expected + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(spec("monitoring", "PutMetricAlarm").iamAction()).isEqualTo("cloudwatch:PutMetricAlarm");
    }

    @Test
    void cloudTrailDataEventsAreExactlyTheDocumentedOnes() {
        Set<String> data = new TreeSet<>();
        for (AwsService service : AWS.emulator().services().all()) {
            for (OperationSpec op : service.operations().all()) {
                if (!op.managementEvent()) {
                    data.add(service.descriptor().signingName() + "." + op.name());
                }
            }
        }
        assertThat(data).isEqualTo(new TreeSet<>(DATA_EVENTS));
    }

    @Test
    void readOnlyIsRegisteredNotGuessedFromTheName() {
        // FilterLogEvents reads though its name has no read verb; ReceiveMessage changes visibility.
        assertThat(spec("logs", "FilterLogEvents").readOnly()).isTrue();
        assertThat(spec("sqs", "ReceiveMessage").readOnly()).isFalse();
        assertThat(spec("events", "TestEventPattern").readOnly()).isTrue();
        assertThat(spec("ec2", "RebootInstances").readOnly()).isFalse();
    }

    @Test
    void everyMutatingOperationSaysWhichResourcesItActsOn() {
        List<String> undeclared = new ArrayList<>();
        for (AwsService service : AWS.emulator().services().all()) {
            for (OperationSpec op : service.operations().all()) {
                if (!op.readOnly() && op.resources() == null) {
                    undeclared.add(service.descriptor().signingName() + "." + op.name());
                }
            }
        }
        assertThat(undeclared).isEmpty();
    }

    @Test
    void blockingAndRestRoutesAreRegisteredWithTheOperation() {
        assertThat(spec("sqs", "ReceiveMessage").isBlocking()).isTrue();
        assertThat(spec("sqs", "SendMessage").isBlocking()).isFalse();
        assertThat(spec("logs", "FilterLogEvents").isBlocking()).isTrue();
        for (OperationSpec op : AWS.emulator().services().bySigningName("lambda").operations().all()) {
            assertThat(op.isBlocking()).as(op.name()).isTrue();
            assertThat(op.route()).as(op.name()).isNotNull();
        }
        assertThat(spec("lambda", "Invoke").route().template())
                .isEqualTo("/2015-03-31/functions/{FunctionName}/invocations");
    }

    /** The call log carries the registered facts of each call made through a real SDK client. */
    @Test
    void theCallLogCarriesTheFactsAndResourcesOfWhatRemediationsCall(Ec2Client ec2, SqsClient sqs) {
        String id = ec2.runInstances(b -> b.imageId("ami-12345678").minCount(1).maxCount(1)).instances().get(0)
                .instanceId();
        ec2.describeInstances(b -> b.instanceIds(id));
        ec2.createTags(b -> b.resources(id).tags(t -> t.key("k").value("v")));
        String group = ec2.createSecurityGroup(b -> b.groupName("ssh").description("ssh")).groupId();
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(22).toPort(22).ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
        String queue = sqs.createQueue(b -> b.queueName("facts")).queueUrl();
        sqs.sendMessage(b -> b.queueUrl(queue).messageBody("hi"));

        ApiCall describe = last("ec2", "DescribeInstances");
        assertThat(describe.readOnly()).isTrue();
        assertThat(describe.iamAction()).isEqualTo("ec2:DescribeInstances");
        assertThat(resources(last("ec2", "DescribeInstances"))).containsExactly("*");
        String account = AWS.emulator().accountId();
        assertThat(resources(last("ec2", "CreateTags")))
                .containsExactly("arn:aws:ec2:us-east-1:" + account + ":instance/" + id);
        assertThat(resources(last("ec2", "AuthorizeSecurityGroupIngress")))
                .containsExactly("arn:aws:ec2:us-east-1:" + account + ":security-group/" + group);
        ApiCall send = last("sqs", "SendMessage");
        assertThat(send.readOnly()).isFalse();
        assertThat(resources(send)).containsExactly("arn:aws:sqs:us-east-1:" + account + ":facts");
    }

    @Test
    void lambdaResourcesAreTheUnqualifiedFunctionArnWhicheverFormNamesIt(LambdaClient lambda) {
        RequestContext ctx = context();
        OperationSpec invoke = spec("lambda", "Invoke");
        for (String name : List.of("fix", "fix:live", "123456789012:function:fix",
                "arn:aws:lambda:us-east-1:123456789012:function:fix:3")) {
            ObjectNode input = io.selfheal.emulator.core.Json.object().put("FunctionName", name);
            assertThat(invoke.resources().arns(ctx, input)).as(name)
                    .containsExactly("arn:aws:lambda:us-east-1:123456789012:function:fix");
        }
        ObjectNode put = io.selfheal.emulator.core.Json.object().put("logGroupName", "/aws/lambda/fix")
                .put("logStreamName", "2026/01/01/[$LATEST]abc");
        assertThat(spec("logs", "PutLogEvents").resources().arns(ctx, put)).containsExactly(
                "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fix:log-stream:2026/01/01/[$LATEST]abc");
        ObjectNode publish = io.selfheal.emulator.core.Json.object()
                .put("TopicArn", "arn:aws:sns:us-east-1:123456789012:alerts");
        assertThat(spec("sns", "Publish").resources().arns(ctx, publish))
                .containsExactly("arn:aws:sns:us-east-1:123456789012:alerts");
    }

    private static OperationSpec spec(String signingName, String operation) {
        OperationSpec spec = AWS.emulator().services().bySigningName(signingName).operations().spec(operation);
        assertThat(spec).as(signingName + "." + operation).isNotNull();
        return spec;
    }

    private static ApiCall last(String service, String operation) {
        List<ApiCall> calls = AWS.emulator().control().calls(service, operation);
        assertThat(calls).as(service + "." + operation).isNotEmpty();
        return calls.get(calls.size() - 1);
    }

    private static List<String> resources(ApiCall call) {
        return spec(call.service(), call.operation()).resources().arns(context(), (ObjectNode) call.parameters());
    }

    private static RequestContext context() {
        return new RequestContext("r", "us-east-1", CallerIdentity.root(AWS.emulator().accountId(), "AKIA"),
                "test", "Test", java.time.Instant.EPOCH, AWS.emulator().endpoint().toString());
    }
}
