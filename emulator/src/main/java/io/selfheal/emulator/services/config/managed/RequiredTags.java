package io.selfheal.emulator.services.config.managed;

import io.selfheal.emulator.services.config.ConfigurationItems;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code required-tags} (REQUIRED_TAGS): NON_COMPLIANT when a resource lacks one of {@code tag1Key}..{@code tag6Key}
 * ({@code tag1Key} required) or its value is not among that key's {@code tagNValue} (comma-separated; any value when
 * absent). Judges any resource type the rule's scope names; the default scope is the page's list.
 * https://docs.aws.amazon.com/config/latest/developerguide/required-tags.html
 */
public final class RequiredTags extends SingleResourceRule {
    private static final int TAGS = 6;
    private static final Set<String> DEFAULT_SCOPE = Set.of(
            "AWS::ACM::Certificate", "AWS::AutoScaling::AutoScalingGroup", "AWS::CloudFormation::Stack",
            "AWS::CodeBuild::Project", "AWS::DynamoDB::Table", "AWS::EC2::CustomerGateway", "AWS::EC2::Instance",
            "AWS::EC2::InternetGateway", "AWS::EC2::NetworkAcl", "AWS::EC2::NetworkInterface",
            "AWS::EC2::RouteTable", "AWS::EC2::SecurityGroup", "AWS::EC2::Subnet", "AWS::EC2::Volume",
            "AWS::EC2::VPC", "AWS::EC2::VPNConnection", "AWS::EC2::VPNGateway",
            "AWS::ElasticLoadBalancing::LoadBalancer", "AWS::ElasticLoadBalancingV2::LoadBalancer",
            "AWS::RDS::DBInstance", "AWS::RDS::DBSecurityGroup", "AWS::RDS::DBSnapshot", "AWS::RDS::DBSubnetGroup",
            "AWS::RDS::EventSubscription", "AWS::Redshift::Cluster", "AWS::Redshift::ClusterParameterGroup",
            "AWS::Redshift::ClusterSecurityGroup", "AWS::Redshift::ClusterSnapshot",
            "AWS::Redshift::ClusterSubnetGroup", "AWS::S3::Bucket");

    public RequiredTags() {
        super("REQUIRED_TAGS", DEFAULT_SCOPE, Trigger.CHANGES);
    }

    @Override
    boolean inReach(String resourceType) {
        return true;
    }

    @Override
    RuleParameters declared() {
        RuleParameters declared = RuleParameters.none().required("tag1Key", RuleParameters::anyText)
                .optional("tag1Value", null, RuleParameters::anyText);
        for (int i = 2; i <= TAGS; i++) {
            declared.optional("tag" + i + "Key", null, RuleParameters::anyText)
                    .optional("tag" + i + "Value", null, RuleParameters::anyText);
        }
        return declared;
    }

    @Override
    RuleEvaluation judge(ConfigItem item, Map<String, String> parameters, ConfigurationItems items) {
        Map<String, String> tags = item.tags();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i <= TAGS; i++) {
            String key = parameters.get("tag" + i + "Key");
            if (key == null) {
                continue;
            }
            String value = tags.get(key);
            String allowed = parameters.get("tag" + i + "Value");
            if (value == null) {
                problems.add("missing tag " + key);
            } else if (allowed != null && Arrays.stream(allowed.split(",")).map(String::trim)
                    .noneMatch(value::equals)) {
                problems.add("tag " + key + " is '" + value + "', not one of " + allowed);
            }
        }
        return problems.isEmpty() ? item.compliant() : item.nonCompliant(capitalized(String.join("; ", problems)));
    }

    private static String capitalized(String text) {
        String sentence = Character.toUpperCase(text.charAt(0)) + text.substring(1) + ".";
        return sentence.length() <= 256 ? sentence : sentence.substring(0, 255) + "…";
    }
}
