package io.selfheal.emulator.services.config;

import static io.selfheal.emulator.services.config.ConfigTestSupport.closeSsh;
import static io.selfheal.emulator.services.config.ConfigTestSupport.complianceQueue;
import static io.selfheal.emulator.services.config.ConfigTestSupport.drain;
import static io.selfheal.emulator.services.config.ConfigTestSupport.openSshToTheWorld;
import static io.selfheal.emulator.services.config.ConfigTestSupport.securityGroup;
import static io.selfheal.emulator.services.config.ConfigTestSupport.startRecorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.EmulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.ConfigRule;
import software.amazon.awssdk.services.config.model.ConfigRuleEvaluationStatus;
import software.amazon.awssdk.services.config.model.EvaluationResult;
import software.amazon.awssdk.services.config.model.InvalidParameterValueException;
import software.amazon.awssdk.services.config.model.MaximumExecutionFrequency;
import software.amazon.awssdk.services.config.model.NoAvailableConfigurationRecorderException;
import software.amazon.awssdk.services.config.model.NoSuchConfigRuleException;
import software.amazon.awssdk.services.config.model.NoSuchRemediationConfigurationException;
import software.amazon.awssdk.services.config.model.Owner;
import software.amazon.awssdk.services.config.model.RemediationTargetType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Managed rules end to end through the SDK: PutConfigRule
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_PutConfigRule.html), evaluation on configuration
 * changes and periodically (https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config-rules.html),
 * the compliance APIs and the "Config Rules Compliance Change" event
 * (https://docs.aws.amazon.com/config/latest/developerguide/example-config-rule-compliance-notification.html).
 */
class ConfigManagedRulesTest {
    static final Instant START = Instant.parse("2026-04-01T08:00:00Z");
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.virtualTime(START).resetBeforeEach();

    ConfigClient config;
    Ec2Client ec2;
    SqsClient sqs;
    EventBridgeClient events;

    @BeforeEach
    void clients() {
        config = AWS.client(ConfigClient.class);
        ec2 = AWS.client(Ec2Client.class);
        sqs = AWS.client(SqsClient.class);
        events = AWS.client(EventBridgeClient.class);
    }

    private void recorder() {
        startRecorder(config, AWS.client(IamClient.class), AWS.client(S3Client.class));
    }

    private void restrictedSsh() {
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName("restricted-ssh")
                .scope(s -> s.complianceResourceTypes("AWS::EC2::SecurityGroup"))
                .source(s -> s.owner(Owner.AWS).sourceIdentifier("INCOMING_SSH_DISABLED"))));
    }

    @Test
    void aRuleNeedsAConfigurationRecorder() {
        NoAvailableConfigurationRecorderException e = catchThrowableOfType(this::restrictedSsh,
                NoAvailableConfigurationRecorderException.class);
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(config.describeConfigRules().configRules()).isEmpty();
    }

    @Test
    void driftToNonCompliantAndBackSendsOneComplianceChangeEach() {
        recorder();
        String queue = complianceQueue(events, sqs, "compliance");
        String group = securityGroup(ec2, "web");
        restrictedSsh();
        List<JsonNode> initial = drain(AWS.emulator(), sqs, queue);
        assertThat(initial).filteredOn(e -> e.at("/detail/resourceId").asText().equals(group)).singleElement()
                .satisfies(e -> {
                    assertThat(e.at("/detail/newEvaluationResult/complianceType").asText()).isEqualTo("COMPLIANT");
                    assertThat(e.at("/detail/oldEvaluationResult").isMissingNode()).isTrue();
                });

        openSshToTheWorld(ec2, group);
        List<JsonNode> drift = drain(AWS.emulator(), sqs, queue);
        assertThat(drift).singleElement().satisfies(e -> {
            assertThat(e.path("source").asText()).isEqualTo("aws.config");
            assertThat(e.path("detail-type").asText()).isEqualTo("Config Rules Compliance Change");
            assertThat(e.path("resources")).isEmpty();
            JsonNode d = e.path("detail");
            ConfigRule rule = config.describeConfigRules(b -> b.configRuleNames("restricted-ssh")).configRules()
                    .get(0);
            assertThat(d.path("configRuleName").asText()).isEqualTo("restricted-ssh");
            assertThat(d.path("configRuleARN").asText()).isEqualTo(rule.configRuleArn());
            assertThat(d.path("messageType").asText()).isEqualTo("ComplianceChangeNotification");
            assertThat(d.path("recordVersion").asText()).isEqualTo("1.0");
            assertThat(d.path("resourceType").asText()).isEqualTo("AWS::EC2::SecurityGroup");
            assertThat(d.path("resourceId").asText()).isEqualTo(group);
            assertThat(d.path("awsAccountId").asText()).isEqualTo(ConfigTestSupport.ACCOUNT);
            assertThat(d.path("awsRegion").asText()).isEqualTo("us-east-1");
            assertThat(d.at("/newEvaluationResult/complianceType").asText()).isEqualTo("NON_COMPLIANT");
            assertThat(d.at("/newEvaluationResult/evaluationResultIdentifier/evaluationResultQualifier/resourceId")
                    .asText()).isEqualTo(group);
            assertThat(d.at("/newEvaluationResult/annotation").asText()).contains("22");
            assertThat(d.at("/newEvaluationResult/resultRecordedTime").asText())
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(d.at("/oldEvaluationResult/complianceType").asText()).isEqualTo("COMPLIANT");
            assertThat(d.path("notificationCreationTime").asText()).isNotEmpty();
        });
        assertThat(config.getComplianceDetailsByConfigRule(b -> b.configRuleName("restricted-ssh")
                .complianceTypes(ComplianceType.NON_COMPLIANT)).evaluationResults())
                .extracting(r -> r.evaluationResultIdentifier().evaluationResultQualifier().resourceId())
                .containsExactly(group);

        // A change that keeps the group non-compliant changes no compliance: no event.
        ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("tcp")
                .fromPort(443).toPort(443).ipRanges(r -> r.cidrIp("10.0.0.0/8"))));
        assertThat(drain(AWS.emulator(), sqs, queue)).isEmpty();

        closeSsh(ec2, group);
        assertThat(drain(AWS.emulator(), sqs, queue)).singleElement().satisfies(e -> {
            assertThat(e.at("/detail/newEvaluationResult/complianceType").asText()).isEqualTo("COMPLIANT");
            assertThat(e.at("/detail/oldEvaluationResult/complianceType").asText()).isEqualTo("NON_COMPLIANT");
        });
        assertThat(config.describeComplianceByResource(b -> b.resourceType("AWS::EC2::SecurityGroup")
                .resourceId(group)).complianceByResources()).singleElement()
                .satisfies(c -> assertThat(c.compliance().complianceType()).isEqualTo(ComplianceType.COMPLIANT));
    }

    @Test
    void complianceQueriesCountWhatTheRuleFound() {
        recorder();
        String open = securityGroup(ec2, "open");
        String closed = securityGroup(ec2, "closed");
        openSshToTheWorld(ec2, open);
        restrictedSsh();
        AWS.emulator().control().awaitIdle(Duration.ofSeconds(10));

        var byRule = config.describeComplianceByConfigRule(b -> b.configRuleNames("restricted-ssh"))
                .complianceByConfigRules();
        assertThat(byRule).singleElement().satisfies(c -> {
            assertThat(c.compliance().complianceType()).isEqualTo(ComplianceType.NON_COMPLIANT);
            assertThat(c.compliance().complianceContributorCount().cappedCount()).isEqualTo(1);
            assertThat(c.compliance().complianceContributorCount().capExceeded()).isFalse();
        });
        List<EvaluationResult> details = config.getComplianceDetailsByResource(b -> b
                .resourceType("AWS::EC2::SecurityGroup").resourceId(closed)).evaluationResults();
        assertThat(details).singleElement().satisfies(r -> {
            assertThat(r.complianceType()).isEqualTo(ComplianceType.COMPLIANT);
            assertThat(r.evaluationResultIdentifier().evaluationResultQualifier().configRuleName())
                    .isEqualTo("restricted-ssh");
            assertThat(r.configRuleInvokedTime()).isNotNull();
            assertThat(r.resultRecordedTime()).isNotNull();
        });
        assertThat(config.describeComplianceByResource(b -> b.resourceType("AWS::EC2::SecurityGroup")
                .complianceTypes(ComplianceType.NON_COMPLIANT)).complianceByResources())
                .extracting(c -> c.resourceId()).containsExactly(open);
        var summary = config.getComplianceSummaryByConfigRule().complianceSummary();
        assertThat(summary.nonCompliantResourceCount().cappedCount()).isEqualTo(1);
        assertThat(summary.compliantResourceCount().cappedCount()).isZero();
        var byType = config.getComplianceSummaryByResourceType(b -> b.resourceTypes("AWS::EC2::SecurityGroup"))
                .complianceSummariesByResourceType();
        assertThat(byType).singleElement().satisfies(s -> {
            assertThat(s.resourceType()).isEqualTo("AWS::EC2::SecurityGroup");
            assertThat(s.complianceSummary().nonCompliantResourceCount().cappedCount()).isEqualTo(1);
            // the default VPC's group and "closed" are compliant
            assertThat(s.complianceSummary().compliantResourceCount().cappedCount()).isGreaterThanOrEqualTo(1);
        });

        // Deleted, "closed" is NOT_APPLICABLE to the rule; with no other result AWS lists it as INSUFFICIENT_DATA
        // (https://docs.aws.amazon.com/config/latest/APIReference/API_DescribeComplianceByResource.html).
        ec2.deleteSecurityGroup(b -> b.groupId(closed));
        AWS.emulator().control().awaitIdle(Duration.ofSeconds(10));
        assertThat(config.getComplianceDetailsByResource(b -> b.resourceType("AWS::EC2::SecurityGroup")
                .resourceId(closed)).evaluationResults()).singleElement()
                .satisfies(r -> assertThat(r.complianceType()).isEqualTo(ComplianceType.NOT_APPLICABLE));
        assertThat(config.describeComplianceByResource(b -> b.resourceType("AWS::EC2::SecurityGroup")
                .resourceId(closed)).complianceByResources()).singleElement().satisfies(c -> assertThat(
                        c.compliance().complianceType()).isEqualTo(ComplianceType.INSUFFICIENT_DATA));
        assertThat(config.describeComplianceByResource(b -> b.resourceType("AWS::EC2::SecurityGroup")
                .complianceTypes(ComplianceType.INSUFFICIENT_DATA)).complianceByResources())
                .extracting(c -> c.resourceId()).containsExactly(closed);
    }

    @Test
    void rulesAreDescribedDeletedAndValidatedAsAwsDoes() {
        recorder();
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName("tags").description("owner tag")
                .inputParameters("{\"tag1Key\":\"Owner\"}")
                .scope(s -> s.complianceResourceTypes("AWS::EC2::Volume"))
                .source(s -> s.owner(Owner.AWS).sourceIdentifier("REQUIRED_TAGS"))));
        ConfigRule rule = config.describeConfigRules(b -> b.configRuleNames("tags")).configRules().get(0);
        assertThat(rule.configRuleId()).matches("config-rule-[0-9a-f]{6}");
        assertThat(rule.configRuleArn()).isEqualTo("arn:aws:config:us-east-1:123456789012:config-rule/"
                + rule.configRuleId());
        assertThat(rule.configRuleStateAsString()).isEqualTo("ACTIVE");
        assertThat(rule.inputParameters()).isEqualTo("{\"tag1Key\":\"Owner\"}");
        assertThat(rule.scope().complianceResourceTypes()).containsExactly("AWS::EC2::Volume");

        // Put again by name: the same rule (id and ARN kept), its definition replaced.
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName("tags").inputParameters("{\"tag1Key\":\"Team\"}")
                .source(s -> s.owner(Owner.AWS).sourceIdentifier("REQUIRED_TAGS"))));
        ConfigRule again = config.describeConfigRules().configRules().get(0);
        assertThat(again.configRuleId()).isEqualTo(rule.configRuleId());
        assertThat(again.inputParameters()).isEqualTo("{\"tag1Key\":\"Team\"}");

        InvalidParameterValueException unknown = catchThrowableOfType(() -> config.putConfigRule(b -> b
                .configRule(r -> r.configRuleName("x").source(s -> s.owner(Owner.AWS)
                        .sourceIdentifier("IAM_PASSWORD_POLICY")))), InvalidParameterValueException.class);
        assertThat(unknown.getMessage()).contains("IAM_PASSWORD_POLICY").contains("INCOMING_SSH_DISABLED");
        InvalidParameterValueException missingTag = catchThrowableOfType(() -> config.putConfigRule(b -> b
                .configRule(r -> r.configRuleName("x").source(s -> s.owner(Owner.AWS)
                        .sourceIdentifier("REQUIRED_TAGS")))), InvalidParameterValueException.class);
        assertThat(missingTag.statusCode()).isEqualTo(400);
        InvalidParameterValueException notJson = catchThrowableOfType(() -> config.putConfigRule(b -> b
                .configRule(r -> r.configRuleName("x").inputParameters("{tag1Key")
                        .source(s -> s.owner(Owner.AWS).sourceIdentifier("REQUIRED_TAGS")))),
                InvalidParameterValueException.class);
        assertThat(notJson.getMessage()).contains("InputParameters");
        InvalidParameterValueException frequency = catchThrowableOfType(() -> config.putConfigRule(b -> b
                .configRule(r -> r.configRuleName("x").maximumExecutionFrequency(MaximumExecutionFrequency.ONE_HOUR)
                        .source(s -> s.owner(Owner.AWS).sourceIdentifier("ENCRYPTED_VOLUMES")))),
                InvalidParameterValueException.class);
        assertThat(frequency.getMessage()).contains("configuration changes");
        InvalidParameterValueException policy = catchThrowableOfType(() -> config.putConfigRule(b -> b
                .configRule(r -> r.configRuleName("x").source(s -> s.owner(Owner.CUSTOM_POLICY)))),
                InvalidParameterValueException.class);
        assertThat(policy.getMessage()).contains("not emulated");
        assertThat(catchThrowableOfType(() -> config.putConfigRule(b -> b.configRule(r -> r.configRuleName("x")
                .scope(s -> s.complianceResourceId("vol-1"))
                .source(s -> s.owner(Owner.AWS).sourceIdentifier("ENCRYPTED_VOLUMES")))),
                InvalidParameterValueException.class)).isNotNull();

        config.deleteConfigRule(b -> b.configRuleName("tags"));
        assertThat(config.describeConfigRules().configRules()).isEmpty();
        NoSuchConfigRuleException gone = catchThrowableOfType(() -> config.deleteConfigRule(b -> b
                .configRuleName("tags")), NoSuchConfigRuleException.class);
        assertThat(gone.getMessage()).contains("tags");
        assertThat(catchThrowableOfType(() -> config.describeConfigRules(b -> b.configRuleNames("tags")),
                NoSuchConfigRuleException.class)).isNotNull();
        assertThat(catchThrowableOfType(() -> config.getComplianceDetailsByConfigRule(b -> b
                .configRuleName("tags")), NoSuchConfigRuleException.class)).isNotNull();
    }

    @Test
    void aPeriodicRuleRunsOnTheEmulatorClock() {
        recorder();
        Instant start = AWS.clock().now();
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName("ssh-hourly")
                .maximumExecutionFrequency(MaximumExecutionFrequency.ONE_HOUR)
                .source(s -> s.owner(Owner.AWS).sourceIdentifier("INCOMING_SSH_DISABLED"))));
        ConfigRuleEvaluationStatus first = status("ssh-hourly");
        assertThat(first.firstEvaluationStarted()).isTrue();
        assertThat(first.firstActivatedTime()).isEqualTo(start);
        assertThat(first.lastSuccessfulEvaluationTime()).isEqualTo(start);

        AWS.advance(Duration.ofMinutes(59));
        assertThat(status("ssh-hourly").lastSuccessfulEvaluationTime()).isEqualTo(start);
        AWS.advance(Duration.ofMinutes(1));
        assertThat(status("ssh-hourly").lastSuccessfulEvaluationTime()).isEqualTo(start.plus(Duration.ofHours(1)));
        AWS.advance(Duration.ofHours(2));
        assertThat(status("ssh-hourly").lastSuccessfulEvaluationTime()).isEqualTo(start.plus(Duration.ofHours(3)));

        config.deleteConfigRule(b -> b.configRuleName("ssh-hourly"));
        AWS.advance(Duration.ofHours(2));
        assertThat(config.describeConfigRuleEvaluationStatus().configRulesEvaluationStatus()).isEmpty();
    }

    @Test
    void startConfigRulesEvaluationEvaluatesAgain() {
        recorder();
        securityGroup(ec2, "web");
        restrictedSsh();
        AWS.advance(Duration.ofMinutes(5));
        config.startConfigRulesEvaluation(b -> b.configRuleNames("restricted-ssh"));
        assertThat(status("restricted-ssh").lastSuccessfulEvaluationTime()).isEqualTo(AWS.clock().now());
        assertThat(catchThrowableOfType(() -> config.startConfigRulesEvaluation(b -> b.configRuleNames("nope")),
                NoSuchConfigRuleException.class)).isNotNull();
    }

    /**
     * Scope by tag (https://docs.aws.amazon.com/config/latest/APIReference/API_Scope.html): a resource that loses the
     * tag leaves the rule's scope and is NOT_APPLICABLE to it; so is a deleted resource.
     */
    @Test
    void leavingTheScopeOrBeingDeletedMakesAResourceNotApplicable() {
        recorder();
        String queue = complianceQueue(events, sqs, "scope");
        String tagged = securityGroup(ec2, "tagged");
        ec2.createTags(b -> b.resources(tagged).tags(t -> t.key("env").value("prod")));
        String untagged = securityGroup(ec2, "untagged");
        openSshToTheWorld(ec2, tagged);
        openSshToTheWorld(ec2, untagged);
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName("prod-ssh")
                .scope(s -> s.tagKey("env").tagValue("prod"))
                .source(s -> s.owner(Owner.AWS).sourceIdentifier("INCOMING_SSH_DISABLED"))));
        assertThat(drain(AWS.emulator(), sqs, queue)).singleElement().satisfies(e -> {
            assertThat(e.at("/detail/resourceId").asText()).isEqualTo(tagged);
            assertThat(e.at("/detail/newEvaluationResult/complianceType").asText()).isEqualTo("NON_COMPLIANT");
        });

        ec2.deleteTags(b -> b.resources(tagged).tags(t -> t.key("env")));
        assertThat(drain(AWS.emulator(), sqs, queue)).singleElement().satisfies(e -> {
            assertThat(e.at("/detail/newEvaluationResult/complianceType").asText()).isEqualTo("NOT_APPLICABLE");
            assertThat(e.at("/detail/oldEvaluationResult/complianceType").asText()).isEqualTo("NON_COMPLIANT");
        });
        closeSsh(ec2, untagged);
        assertThat(drain(AWS.emulator(), sqs, queue)).as("a resource out of scope is not evaluated").isEmpty();
        openSshToTheWorld(ec2, untagged);

        restrictedSsh();
        drain(AWS.emulator(), sqs, queue);
        ec2.deleteSecurityGroup(b -> b.groupId(untagged));
        assertThat(drain(AWS.emulator(), sqs, queue)).singleElement().satisfies(e -> {
            assertThat(e.at("/detail/configRuleName").asText()).isEqualTo("restricted-ssh");
            assertThat(e.at("/detail/resourceId").asText()).isEqualTo(untagged);
            assertThat(e.at("/detail/newEvaluationResult/complianceType").asText()).isEqualTo("NOT_APPLICABLE");
        });
        assertThat(config.getComplianceDetailsByConfigRule(b -> b.configRuleName("restricted-ssh")
                .complianceTypes(ComplianceType.NOT_APPLICABLE)).evaluationResults())
                .extracting(r -> r.evaluationResultIdentifier().evaluationResultQualifier().resourceId())
                .containsExactly(untagged);
    }

    /**
     * https://docs.aws.amazon.com/config/latest/APIReference/API_PutRemediationConfigurations.html: stored and
     * described; executions need SSM Automation, which is not emulated, so nothing runs and the answer says why.
     */
    @Test
    void remediationConfigurationsAreStoredButNothingRunsWithoutSsm() {
        recorder();
        restrictedSsh();
        var failed = config.putRemediationConfigurations(b -> b.remediationConfigurations(c -> c
                .configRuleName("restricted-ssh").targetType(RemediationTargetType.SSM_DOCUMENT)
                .targetId("AWS-DisablePublicAccessForSecurityGroup").resourceType("AWS::EC2::SecurityGroup")))
                .failedBatches();
        assertThat(failed).isEmpty();
        assertThat(config.describeRemediationConfigurations(b -> b.configRuleNames("restricted-ssh"))
                .remediationConfigurations()).singleElement().satisfies(c -> {
                    assertThat(c.targetId()).isEqualTo("AWS-DisablePublicAccessForSecurityGroup");
                    assertThat(c.arn()).startsWith("arn:aws:config:us-east-1:123456789012:remediation-configuration/"
                            + "restricted-ssh/");
                    assertThat(c.automatic()).isFalse();
                });
        InvalidParameterValueException automatic = catchThrowableOfType(() -> config.putRemediationConfigurations(
                b -> b.remediationConfigurations(c -> c.configRuleName("restricted-ssh")
                        .targetType(RemediationTargetType.SSM_DOCUMENT).targetId("AWS-DisablePublicAccessForSecurityGroup")
                        .automatic(true).maximumAutomaticAttempts(3).retryAttemptSeconds(60L))),
                InvalidParameterValueException.class);
        assertThat(automatic.getMessage()).contains("Systems Manager");

        var started = config.startRemediationExecution(b -> b.configRuleName("restricted-ssh")
                .resourceKeys(k -> k.resourceType("AWS::EC2::SecurityGroup").resourceId("sg-1")));
        assertThat(started.failureMessage()).contains("Systems Manager");
        assertThat(started.failedItems()).extracting(k -> k.resourceId()).containsExactly("sg-1");
        assertThat(config.describeRemediationExecutionStatus(b -> b.configRuleName("restricted-ssh"))
                .remediationExecutionStatuses()).isEmpty();

        config.deleteRemediationConfiguration(b -> b.configRuleName("restricted-ssh"));
        assertThat(config.describeRemediationConfigurations(b -> b.configRuleNames("restricted-ssh"))
                .remediationConfigurations()).isEmpty();
        assertThat(catchThrowableOfType(() -> config.deleteRemediationConfiguration(b -> b
                .configRuleName("restricted-ssh")), NoSuchRemediationConfigurationException.class)).isNotNull();
    }

    private ConfigRuleEvaluationStatus status(String rule) {
        AWS.emulator().control().awaitIdle(Duration.ofSeconds(10));
        return config.describeConfigRuleEvaluationStatus(b -> b.configRuleNames(rule)).configRulesEvaluationStatus()
                .get(0);
    }
}
