package io.selfheal.emulator.services.config;

import static io.selfheal.emulator.services.config.ConfigTestSupport.ACCOUNT;
import static io.selfheal.emulator.services.config.ConfigTestSupport.CONFIG_ROLE;
import static io.selfheal.emulator.services.config.ConfigTestSupport.closeSsh;
import static io.selfheal.emulator.services.config.ConfigTestSupport.complianceQueue;
import static io.selfheal.emulator.services.config.ConfigTestSupport.drain;
import static io.selfheal.emulator.services.config.ConfigTestSupport.openSshToTheWorld;
import static io.selfheal.emulator.services.config.ConfigTestSupport.securityGroup;
import static io.selfheal.emulator.services.config.ConfigTestSupport.startRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.control.FunctionInvocation;
import io.selfheal.emulator.control.LambdaControl;
import io.selfheal.emulator.core.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.EventSource;
import software.amazon.awssdk.services.config.model.InsufficientPermissionsException;
import software.amazon.awssdk.services.config.model.InvalidResultTokenException;
import software.amazon.awssdk.services.config.model.MaximumExecutionFrequency;
import software.amazon.awssdk.services.config.model.MessageType;
import software.amazon.awssdk.services.config.model.Owner;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A custom Lambda rule written in Python (boto3) invoked as AWS Config invokes it
 * (https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_lambda-functions.html, event
 * shapes from https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html)
 * and answering with PutEvaluations (https://docs.aws.amazon.com/config/latest/APIReference/API_PutEvaluations.html).
 * Where Debian's {@code /usr/bin/python3} exists the function runs on it and its boto3 1.26.
 */
class ConfigCustomLambdaRuleTest {
    private static final Path DEBIAN_PYTHON = Path.of("/usr/bin/python3");
    private static final String FUNCTION_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/config-rule-function";
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    static ConfigClient config;
    static LambdaClient lambda;
    static String functionArn;

    @BeforeAll
    static void deploy() throws IOException {
        if (Files.isExecutable(DEBIAN_PYTHON)) {
            System.setProperty("selfheal.lambda.python", DEBIAN_PYTHON.toString());
        }
        config = AWS.client(ConfigClient.class);
        lambda = AWS.client(LambdaClient.class);
        IamClient iam = AWS.client(IamClient.class);
        startRecorder(config, iam, AWS.client(S3Client.class));
        iam.createRole(r -> r.roleName("config-rule-function").assumeRolePolicyDocument("{\"Version\":"
                + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        iam.putRolePolicy(r -> r.roleName("config-rule-function").policyName("put-evaluations").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
                        + "[\"config:PutEvaluations\",\"config:GetResourceConfigHistory\"],\"Resource\":\"*\"}]}"));
        functionArn = createFunction("ssh-rule");
        lambda.addPermission(b -> b.functionName("ssh-rule").statementId("config").action("lambda:InvokeFunction")
                .principal("config.amazonaws.com").sourceAccount(ACCOUNT));
    }

    @AfterAll
    static void stop() {
        System.clearProperty("selfheal.lambda.python");
    }

    /**
     * PutConfigRule's InsufficientPermissionsException: "the Lambda function cannot be invoked. Check the function
     * ARN, and check the function's permissions" — the function's resource policy must allow config.amazonaws.com.
     */
    @Test
    void configMustBeAllowedToInvokeTheFunction() throws IOException {
        String unpermitted = createFunction("unpermitted-rule");
        InsufficientPermissionsException refused = catchThrowableOfType(() -> putRule("unpermitted", unpermitted),
                InsufficientPermissionsException.class);
        assertThat(refused.getMessage()).contains(unpermitted);
        InsufficientPermissionsException missing = catchThrowableOfType(() -> putRule("missing",
                "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:not-there"), InsufficientPermissionsException.class);
        assertThat(missing.statusCode()).isEqualTo(400);

        lambda.addPermission(b -> b.functionName("unpermitted-rule").statementId("config")
                .action("lambda:InvokeFunction").principal("config.amazonaws.com").sourceAccount(ACCOUNT));
        putRule("unpermitted", unpermitted);
        assertThat(config.describeConfigRules(b -> b.configRuleNames("unpermitted")).configRules()).hasSize(1);
        config.deleteConfigRule(b -> b.configRuleName("unpermitted"));
    }

    @Test
    void theRuleGetsTheChangeEventAsAwsSendsItAndItsEvaluationsDriveCompliance() throws IOException {
        Ec2Client ec2 = AWS.client(Ec2Client.class);
        SqsClient sqs = AWS.client(SqsClient.class);
        String queue = complianceQueue(AWS.client(EventBridgeClient.class), sqs, "custom-compliance");
        putRule("custom-ssh");
        String ruleArn = config.describeConfigRules(b -> b.configRuleNames("custom-ssh")).configRules().get(0)
                .configRuleArn();
        String group = securityGroup(ec2, "custom-web");
        awaitCompliance(group, ComplianceType.COMPLIANT);
        drain(AWS.emulator(), sqs, queue);

        openSshToTheWorld(ec2, group);
        awaitCompliance(group, ComplianceType.NON_COMPLIANT);
        FunctionInvocation drift = lastInvocationFor(group);
        JsonNode event = Json.parse(drift.payload());
        assertThat(drift.invocationType()).isEqualTo("Event");
        assertThat(drift.invokedBy()).isEqualTo("config.amazonaws.com");
        assertThat(event.path("version").asText()).isEqualTo("1.0");
        assertThat(event.path("configRuleName").asText()).isEqualTo("custom-ssh");
        assertThat(event.path("configRuleArn").asText()).isEqualTo(ruleArn);
        assertThat(event.path("configRuleId").asText()).isEqualTo(ruleArn.substring(ruleArn.lastIndexOf('/') + 1));
        assertThat(event.path("accountId").asText()).isEqualTo(ACCOUNT);
        assertThat(event.path("executionRoleArn").asText()).isEqualTo(CONFIG_ROLE);
        assertThat(event.path("eventLeftScope").isBoolean()).isTrue();
        assertThat(event.path("evaluationMode").asText()).isEqualTo("DETECTIVE");
        assertThat(event.path("resultToken").asText()).isNotEmpty();
        assertThat(event.path("ruleParameters").asText()).isEqualTo("{\"port\":\"22\"}");
        assertThat(event.path("invokingEvent").isTextual()).isTrue();
        JsonNode invoking = Json.parse(event.path("invokingEvent").asText());
        assertThat(invoking.path("messageType").asText()).isEqualTo("ConfigurationItemChangeNotification");
        assertThat(invoking.path("recordVersion").asText()).isEqualTo("1.3");
        assertThat(invoking.path("notificationCreationTime").asText()).isNotEmpty();
        assertThat(invoking.at("/configurationItem/resourceId").asText()).isEqualTo(group);
        assertThat(invoking.at("/configurationItem/resourceType").asText()).isEqualTo("AWS::EC2::SecurityGroup");
        assertThat(invoking.at("/configurationItemDiff/changeType").asText()).isEqualTo("UPDATE");
        assertThat(invoking.at("/configurationItemDiff/changedProperties").size()).isPositive();

        List<JsonNode> changes = drain(AWS.emulator(), sqs, queue);
        assertThat(changes).singleElement().satisfies(e -> {
            assertThat(e.at("/detail/newEvaluationResult/complianceType").asText()).isEqualTo("NON_COMPLIANT");
            assertThat(e.at("/detail/newEvaluationResult/annotation").asText()).isEqualTo("port 22 is open to the world");
            assertThat(e.at("/detail/oldEvaluationResult/complianceType").asText()).isEqualTo("COMPLIANT");
        });

        closeSsh(ec2, group);
        awaitCompliance(group, ComplianceType.COMPLIANT);
        assertThat(drain(AWS.emulator(), sqs, queue)).hasSize(1);
        assertThat(config.describeConfigRuleEvaluationStatus(b -> b.configRuleNames("custom-ssh"))
                .configRulesEvaluationStatus().get(0).lastSuccessfulInvocationTime()).isNotNull();
    }

    @Test
    void aPeriodicCustomRuleGetsAScheduledNotification() throws IOException {
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName("custom-periodic")
                .source(s -> s.owner(Owner.CUSTOM_LAMBDA).sourceIdentifier(functionArn)
                        .sourceDetails(d -> d.eventSource(EventSource.AWS_CONFIG)
                                .messageType(MessageType.SCHEDULED_NOTIFICATION)
                                .maximumExecutionFrequency(MaximumExecutionFrequency.ONE_HOUR)))));
        await().atMost(Duration.ofSeconds(30)).until(() -> !config.getComplianceDetailsByConfigRule(b -> b
                .configRuleName("custom-periodic")).evaluationResults().isEmpty());
        var result = config.getComplianceDetailsByConfigRule(b -> b.configRuleName("custom-periodic"))
                .evaluationResults().get(0);
        assertThat(result.evaluationResultIdentifier().evaluationResultQualifier().resourceType())
                .isEqualTo("AWS::::Account");
        assertThat(result.evaluationResultIdentifier().evaluationResultQualifier().resourceId()).isEqualTo(ACCOUNT);
        assertThat(result.annotation()).isEqualTo("checked on schedule");
        JsonNode event = Json.parse(AWS.emulator().control().component(LambdaControl.class)
                .invocations("ssh-rule").stream().filter(i -> i.payload().contains("custom-periodic")).findFirst()
                .orElseThrow().payload());
        JsonNode invoking = Json.parse(event.path("invokingEvent").asText());
        assertThat(invoking.path("messageType").asText()).isEqualTo("ScheduledNotification");
        assertThat(invoking.path("awsAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(invoking.path("recordVersion").asText()).isEqualTo("1.0");
        assertThat(invoking.has("configurationItem")).isFalse();
        assertThat(event.path("ruleParameters").asText()).isEqualTo("{}");

        // The function's token, reused: TestMode checks and stores nothing; Config refuses INSUFFICIENT_DATA.
        String token = event.path("resultToken").asText();
        config.putEvaluations(b -> b.resultToken(token).testMode(true).evaluations(v -> v
                .complianceResourceType("AWS::::Account").complianceResourceId(ACCOUNT)
                .complianceType(ComplianceType.NON_COMPLIANT).orderingTimestamp(java.time.Instant.now())));
        assertThat(config.getComplianceDetailsByConfigRule(b -> b.configRuleName("custom-periodic"))
                .evaluationResults()).singleElement()
                .satisfies(r -> assertThat(r.complianceType()).isEqualTo(ComplianceType.COMPLIANT));
        assertThat(catchThrowableOfType(() -> config.putEvaluations(b -> b.resultToken(token).evaluations(v -> v
                .complianceResourceType("AWS::::Account").complianceResourceId(ACCOUNT)
                .complianceType(ComplianceType.INSUFFICIENT_DATA).orderingTimestamp(java.time.Instant.now()))),
                software.amazon.awssdk.services.config.model.InvalidParameterValueException.class)).isNotNull();
        var tooMany = java.util.stream.IntStream.range(0, 101).mapToObj(i -> software.amazon.awssdk.services.config
                .model.Evaluation.builder().complianceResourceType("AWS::::Account").complianceResourceId("r" + i)
                .complianceType(ComplianceType.COMPLIANT).orderingTimestamp(java.time.Instant.now()).build()).toList();
        assertThat(catchThrowableOfType(() -> config.putEvaluations(b -> b.resultToken(token).evaluations(tooMany)),
                software.amazon.awssdk.services.config.model.ConfigException.class).awsErrorDetails().errorCode())
                .isEqualTo("ValidationException");
    }

    /**
     * An item too large for a notification (more than SNS's 256 KB): the rule subscribed to
     * {@code OversizedConfigurationItemChangeNotification} gets the summary and where the delivery channel's bucket
     * holds the full notification (https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html,
     * https://docs.aws.amazon.com/config/latest/developerguide/oversized-notification-example.html), reads the item
     * back with GetResourceConfigHistory and reports it. The group has 900 inbound rules, within the 1,000 a group
     * may be raised to (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html#vpc-limits-security-groups).
     */
    @Test
    void anOversizedItemReachesTheRuleAsASummaryWithTheFullNotificationInTheBucket() throws IOException {
        Ec2Client ec2 = AWS.client(Ec2Client.class);
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName("custom-oversized")
                .inputParameters("{\"port\":\"22\"}")
                .scope(s -> s.complianceResourceTypes("AWS::EC2::SecurityGroup"))
                .source(s -> s.owner(Owner.CUSTOM_LAMBDA).sourceIdentifier(functionArn).sourceDetails(
                        d -> d.eventSource(EventSource.AWS_CONFIG)
                                .messageType(MessageType.CONFIGURATION_ITEM_CHANGE_NOTIFICATION),
                        d -> d.eventSource(EventSource.AWS_CONFIG)
                                .messageType(MessageType.OVERSIZED_CONFIGURATION_ITEM_CHANGE_NOTIFICATION)))));
        String group = securityGroup(ec2, "crowded");
        String description = "x".repeat(250);
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("tcp").fromPort(443)
                .toPort(443).ipRanges(java.util.stream.IntStream.range(0, 900).mapToObj(i -> software.amazon.awssdk
                        .services.ec2.model.IpRange.builder().cidrIp("10.0." + i / 256 + "." + i % 256 + "/32")
                        .description(description).build()).toList())));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(config.getComplianceDetailsByResource(
                b -> b.resourceType("AWS::EC2::SecurityGroup").resourceId(group)).evaluationResults())
                .filteredOn(r -> r.evaluationResultIdentifier().evaluationResultQualifier().configRuleName()
                        .equals("custom-oversized")).singleElement()
                .satisfies(r -> assertThat(r.complianceType()).isEqualTo(ComplianceType.COMPLIANT)));

        openSshToTheWorld(ec2, group);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(config.getComplianceDetailsByResource(
                b -> b.resourceType("AWS::EC2::SecurityGroup").resourceId(group)).evaluationResults())
                .filteredOn(r -> r.evaluationResultIdentifier().evaluationResultQualifier().configRuleName()
                        .equals("custom-oversized")).singleElement()
                .satisfies(r -> assertThat(r.complianceType()).isEqualTo(ComplianceType.NON_COMPLIANT)));
        JsonNode event = Json.parse(AWS.emulator().control().component(LambdaControl.class).invocations("ssh-rule")
                .stream().filter(i -> i.payload().contains("custom-oversized") && i.payload().contains(group))
                .reduce((a, b) -> b).orElseThrow().payload());
        JsonNode invoking = Json.parse(event.path("invokingEvent").asText());
        assertThat(invoking.path("messageType").asText()).isEqualTo("OversizedConfigurationItemChangeNotification");
        assertThat(invoking.path("recordVersion").asText()).isEqualTo("1.0");
        assertThat(invoking.has("configurationItem")).isFalse();
        JsonNode summary = invoking.path("configurationItemSummary");
        assertThat(summary.path("changeType").asText()).isEqualTo("UPDATE");
        assertThat(summary.path("resourceType").asText()).isEqualTo("AWS::EC2::SecurityGroup");
        assertThat(summary.path("resourceId").asText()).isEqualTo(group);
        assertThat(summary.path("awsAccountId").asText()).isEqualTo(ACCOUNT);
        assertThat(summary.path("configurationItemStatus").asText()).isEqualTo("OK");
        assertThat(summary.has("configurationStateMd5Hash")).isTrue();
        JsonNode delivery = invoking.path("s3DeliverySummary");
        assertThat(delivery.path("errorCode").isNull()).isTrue();
        assertThat(delivery.path("errorMessage").isNull()).isTrue();
        String location = delivery.path("s3BucketLocation").asText();
        java.time.ZonedDateTime day = java.time.Instant.parse(summary.path("configurationItemCaptureTime").asText())
                .atZone(java.time.ZoneOffset.UTC);
        assertThat(location).startsWith("config-history/AWSLogs/" + ACCOUNT + "/Config/us-east-1/" + day.getYear()
                + "/" + day.getMonthValue() + "/" + day.getDayOfMonth() + "/OversizedChangeNotification/"
                + "AWS::EC2::SecurityGroup/" + group + "/" + ACCOUNT + "_Config_us-east-1_ChangeNotification_"
                + "AWS::EC2::SecurityGroup_" + group + "_").endsWith("_"
                + summary.path("configurationStateId").asText() + ".json.gz");

        byte[] gzipped = AWS.client(S3Client.class).getObjectAsBytes(b -> b.bucket("config-history")
                .key(location.substring("config-history/".length()))).asByteArray();
        JsonNode full;
        try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped))) {
            full = Json.parse(in.readAllBytes());
        }
        assertThat(full.path("messageType").asText()).isEqualTo("ConfigurationItemChangeNotification");
        assertThat(Json.bytes(full).length).isGreaterThan(256 * 1024);
        assertThat(full.at("/configurationItem/resourceId").asText()).isEqualTo(group);
        assertThat(full.at("/configurationItem/configurationStateId").asText())
                .isEqualTo(summary.path("configurationStateId").asText());
        assertThat(full.at("/configurationItem/configuration/ipPermissions").toString()).contains("0.0.0.0/0");
        config.deleteConfigRule(b -> b.configRuleName("custom-oversized"));
    }

    /** https://docs.aws.amazon.com/config/latest/APIReference/API_PutEvaluations.html: the token must be Config's. */
    @Test
    void putEvaluationsRefusesATokenConfigDidNotIssue() {
        InvalidResultTokenException e = catchThrowableOfType(() -> config.putEvaluations(b -> b
                .resultToken("made-up").evaluations(v -> v.complianceResourceType("AWS::EC2::SecurityGroup")
                        .complianceResourceId("sg-1").complianceType(ComplianceType.COMPLIANT)
                        .orderingTimestamp(java.time.Instant.now()))), InvalidResultTokenException.class);
        assertThat(e.statusCode()).isEqualTo(400);
    }

    private static String createFunction(String name) throws IOException {
        byte[] code = zip("ssh_rule.py");
        return lambda.createFunction(b -> b.functionName(name).runtime("python3.12").role(FUNCTION_ROLE)
                .handler("ssh_rule.handler").code(c -> c.zipFile(SdkBytes.fromByteArray(code)))).functionArn();
    }

    private static void putRule(String name) {
        putRule(name, functionArn);
    }

    private static void putRule(String name, String function) {
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName(name).inputParameters("{\"port\":\"22\"}")
                .scope(s -> s.complianceResourceTypes("AWS::EC2::SecurityGroup"))
                .source(s -> s.owner(Owner.CUSTOM_LAMBDA).sourceIdentifier(function)
                        .sourceDetails(d -> d.eventSource(EventSource.AWS_CONFIG)
                                .messageType(MessageType.CONFIGURATION_ITEM_CHANGE_NOTIFICATION)))));
    }

    private static void awaitCompliance(String group, ComplianceType expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(config.getComplianceDetailsByResource(
                b -> b.resourceType("AWS::EC2::SecurityGroup").resourceId(group)).evaluationResults())
                .singleElement().satisfies(r -> assertThat(r.complianceType()).isEqualTo(expected)));
    }

    private static FunctionInvocation lastInvocationFor(String group) {
        List<FunctionInvocation> all = AWS.emulator().control().component(LambdaControl.class)
                .invocations("ssh-rule").stream().filter(i -> i.payload().contains(group)).toList();
        return all.get(all.size() - 1);
    }

    private static byte[] zip(String file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes);
             InputStream in = ConfigCustomLambdaRuleTest.class.getResourceAsStream("/lambda/config-rule/" + file)) {
            zip.putNextEntry(new ZipEntry(file));
            in.transferTo(zip);
        }
        return bytes.toByteArray();
    }
}
