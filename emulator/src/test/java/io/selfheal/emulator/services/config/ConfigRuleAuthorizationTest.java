package io.selfheal.emulator.services.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selfheal.emulator.EmulatorExtension;
import io.selfheal.emulator.core.authz.IamMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigException;
import software.amazon.awssdk.services.config.model.Owner;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Config's rule operations authorize against the rule's ARN, {@code arn:aws:config:<region>:<account>:config-rule/
 * config-rule-<id>}, and the rest against {@code *}, as the Service Authorization Reference lists them
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsconfig.html): a policy naming one rule
 * lets its holder act on that rule only.
 */
class ConfigRuleAuthorizationTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().configure(b -> b.iamMode(IamMode.ENFORCE));

    private static ConfigClient admin;
    private static ConfigClient auditor;
    private static String deletableArn;

    @BeforeAll
    static void twoRulesAndAUserForOne() {
        admin = AWS.client(ConfigClient.class);
        IamClient iam = AWS.client(IamClient.class);
        ConfigTestSupport.startRecorder(admin, iam, AWS.client(S3Client.class));
        for (String name : new String[] {"kept", "deletable"}) {
            admin.putConfigRule(b -> b.configRule(r -> r.configRuleName(name).inputParameters("{\"tag1Key\":\"Owner\"}")
                    .source(s -> s.owner(Owner.AWS).sourceIdentifier("REQUIRED_TAGS"))));
        }
        deletableArn = admin.describeConfigRules(b -> b.configRuleNames("deletable")).configRules().get(0)
                .configRuleArn();
        iam.createUser(b -> b.userName("auditor"));
        iam.putUserPolicy(b -> b.userName("auditor").policyName("one-rule").policyDocument("""
                {"Version":"2012-10-17","Statement":[
                 {"Effect":"Allow","Action":["config:DeleteConfigRule","config:DescribeConfigRules",
                  "config:PutConfigRule"],"Resource":"%s"},
                 {"Effect":"Allow","Action":"config:DescribeConfigurationRecorders","Resource":"*"}]}"""
                .formatted(deletableArn)));
        var key = iam.createAccessKey(b -> b.userName("auditor")).accessKey();
        auditor = ConfigClient.builder().endpointOverride(AWS.emulator().endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()))).build();
    }

    @Test
    void aPolicyOnOneRulesArnAllowsThatRuleOnly() {
        String keptArn = admin.describeConfigRules(b -> b.configRuleNames("kept")).configRules().get(0)
                .configRuleArn();
        assertThat(keptArn).matches("arn:aws:config:us-east-1:123456789012:config-rule/config-rule-[0-9a-f]{6}");
        assertThatThrownBy(() -> auditor.deleteConfigRule(b -> b.configRuleName("kept")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("config:DeleteConfigRule")
                            .contains(keptArn);
                });
        // Describing every rule is an action on "*", which the policy does not grant.
        assertThatThrownBy(() -> auditor.describeConfigRules()).isInstanceOf(ConfigException.class);
        // A new rule has no id yet: config-rule/*, beyond a statement on one rule.
        assertThatThrownBy(() -> auditor.putConfigRule(b -> b.configRule(r -> r.configRuleName("new")
                .source(s -> s.owner(Owner.AWS).sourceIdentifier("REQUIRED_TAGS"))
                .inputParameters("{\"tag1Key\":\"Team\"}")))).isInstanceOf(ConfigException.class);
        // Operations without resource-level permissions authorize against "*".
        assertThat(auditor.describeConfigurationRecorders().configurationRecorders()).hasSize(1);

        assertThat(auditor.describeConfigRules(b -> b.configRuleNames("deletable")).configRules()).hasSize(1);
        auditor.deleteConfigRule(b -> b.configRuleName("deletable"));
        assertThat(admin.describeConfigRules().configRules()).extracting(r -> r.configRuleName())
                .containsExactly("kept");
    }
}
