package io.selfheal.emulator.services.config;

import static io.selfheal.emulator.services.config.ConfigTestSupport.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ComplianceType;
import software.amazon.awssdk.services.config.model.InvalidParameterValueException;
import software.amazon.awssdk.services.config.model.NoSuchConfigRuleException;
import software.amazon.awssdk.services.config.model.Owner;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * PutExternalEvaluation records a process check's result for the account
 * (https://docs.aws.amazon.com/config/latest/APIReference/API_PutExternalEvaluation.html,
 * https://docs.aws.amazon.com/config/latest/APIReference/API_ExternalEvaluation.html,
 * https://docs.aws.amazon.com/config/latest/developerguide/conformance-pack-process-check.html); any other rule is
 * NoSuchConfigRuleException.
 */
class ConfigExternalEvaluationTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime();

    private static ConfigClient config;

    @BeforeAll
    static void aProcessCheckAndAManagedRule() {
        config = AWS.client(ConfigClient.class);
        ConfigTestSupport.startRecorder(config, AWS.client(IamClient.class), AWS.client(S3Client.class));
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName("incident-runbook-reviewed")
                .description("The incident runbook was reviewed this quarter")
                .source(s -> s.owner(Owner.AWS).sourceIdentifier("AWS_CONFIG_PROCESS_CHECK"))));
        config.putConfigRule(b -> b.configRule(r -> r.configRuleName("tags").inputParameters("{\"tag1Key\":\"Owner\"}")
                .source(s -> s.owner(Owner.AWS).sourceIdentifier("REQUIRED_TAGS"))));
    }

    @Test
    void aProcessChecksResultIsTheAccountsCompliance() {
        assertThat(config.getComplianceDetailsByConfigRule(b -> b.configRuleName("incident-runbook-reviewed"))
                .evaluationResults()).isEmpty();
        config.putExternalEvaluation(b -> b.configRuleName("incident-runbook-reviewed").externalEvaluation(e -> e
                .complianceResourceType("AWS::::Account").complianceResourceId(ACCOUNT)
                .complianceType(ComplianceType.NON_COMPLIANT).annotation("review overdue")
                .orderingTimestamp(Instant.parse("2026-01-05T10:00:00Z"))));
        assertThat(config.getComplianceDetailsByConfigRule(b -> b.configRuleName("incident-runbook-reviewed"))
                .evaluationResults()).singleElement().satisfies(r -> {
                    assertThat(r.complianceType()).isEqualTo(ComplianceType.NON_COMPLIANT);
                    assertThat(r.annotation()).isEqualTo("review overdue");
                    assertThat(r.evaluationResultIdentifier().evaluationResultQualifier().resourceType())
                            .isEqualTo("AWS::::Account");
                    assertThat(r.evaluationResultIdentifier().evaluationResultQualifier().resourceId())
                            .isEqualTo(ACCOUNT);
                });
        config.putExternalEvaluation(b -> b.configRuleName("incident-runbook-reviewed").externalEvaluation(e -> e
                .complianceResourceType("AWS::::Account").complianceResourceId(ACCOUNT)
                .complianceType(ComplianceType.COMPLIANT).orderingTimestamp(Instant.parse("2026-01-06T10:00:00Z"))));
        assertThat(config.describeComplianceByConfigRule(b -> b.configRuleNames("incident-runbook-reviewed"))
                .complianceByConfigRules()).singleElement().satisfies(c -> assertThat(c.compliance()
                        .complianceType()).isEqualTo(ComplianceType.COMPLIANT));
    }

    @Test
    void onlyAProcessCheckTakesThemAndOnlyForTheAccount() {
        assertThatThrownBy(() -> config.putExternalEvaluation(b -> b.configRuleName("tags").externalEvaluation(e -> e
                .complianceResourceType("AWS::::Account").complianceResourceId(ACCOUNT)
                .complianceType(ComplianceType.COMPLIANT).orderingTimestamp(Instant.now()))))
                .isInstanceOfSatisfying(NoSuchConfigRuleException.class,
                        e -> assertThat(e.getMessage()).contains("Process Check"));
        assertThatThrownBy(() -> config.putExternalEvaluation(b -> b.configRuleName("no-such-rule")
                .externalEvaluation(e -> e.complianceResourceType("AWS::::Account").complianceResourceId(ACCOUNT)
                        .complianceType(ComplianceType.COMPLIANT).orderingTimestamp(Instant.now()))))
                .isInstanceOf(NoSuchConfigRuleException.class);
        assertThatThrownBy(() -> config.putExternalEvaluation(b -> b.configRuleName("incident-runbook-reviewed")
                .externalEvaluation(e -> e.complianceResourceType("AWS::EC2::SecurityGroup").complianceResourceId("sg-1")
                        .complianceType(ComplianceType.COMPLIANT).orderingTimestamp(Instant.now()))))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> config.putExternalEvaluation(b -> b.configRuleName("incident-runbook-reviewed")
                .externalEvaluation(e -> e.complianceResourceType("AWS::::Account").complianceResourceId(ACCOUNT)
                        .complianceType(ComplianceType.INSUFFICIENT_DATA).orderingTimestamp(Instant.now()))))
                .isInstanceOf(InvalidParameterValueException.class);
    }
}
