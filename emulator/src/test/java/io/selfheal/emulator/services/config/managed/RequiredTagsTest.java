package io.selfheal.emulator.services.config.managed;

import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.services.config.ManagedRule;
import io.selfheal.emulator.services.config.ManagedRules;
import io.selfheal.emulator.services.config.RuleEvaluation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** https://docs.aws.amazon.com/config/latest/developerguide/required-tags.html */
class RequiredTagsTest {
    private final ManagedRule rule = ManagedRules.find("REQUIRED_TAGS");

    private RuleEvaluation evaluate(ObjectNode item, Map<String, String> input) {
        return rule.evaluate(item, rule.parameters(input), new ConfigItemFixtures()).get(0);
    }

    private static ObjectNode tagged(Map<String, String> tags) {
        ObjectNode item = instance("i-1", "running", null, "disabled");
        tags.forEach(item.with("tags")::put);
        return item;
    }

    @Test
    void tag1KeyIsRequiredAndSixTagsAreTheMost() {
        assertThatThrownBy(() -> rule.parameters(Map.of()))
                .hasMessage("The required parameter tag1Key is not present in the inputParameters, please refer to "
                        + "Config rules documentation for the required parameters.");
        assertThat(rule.parameters(Map.of("tag1Key", "CostCenter", "tag6Key", "Owner")))
                .containsEntry("tag1Key", "CostCenter").containsEntry("tag6Key", "Owner");
        assertThatThrownBy(() -> rule.parameters(Map.of("tag1Key", "a", "tag7Key", "b")))
                .hasMessageStartingWith("Unknown parameters provided in the inputParameters");
        assertThat(rule.resourceTypes()).contains("AWS::EC2::Instance", "AWS::EC2::Volume", "AWS::EC2::SecurityGroup",
                "AWS::S3::Bucket");
        assertThat(rule.changeTriggered()).isTrue();
        assertThat(rule.periodic()).isFalse();
    }

    @Test
    void missingKeyIsNonCompliant() {
        RuleEvaluation result = evaluate(tagged(Map.of("Owner", "ops")),
                Map.of("tag1Key", "CostCenter", "tag2Key", "Owner"));
        assertThat(result.complianceType()).isEqualTo("NON_COMPLIANT");
        assertThat(result.annotation()).isEqualTo("Missing tag CostCenter.");
    }

    @Test
    void valuesAreACommaSeparatedChoice() {
        Map<String, String> input = Map.of("tag1Key", "Environment", "tag1Value", "prod, staging");
        assertThat(evaluate(tagged(Map.of("Environment", "staging")), input).complianceType())
                .isEqualTo("COMPLIANT");
        RuleEvaluation dev = evaluate(tagged(Map.of("Environment", "dev")), input);
        assertThat(dev.complianceType()).isEqualTo("NON_COMPLIANT");
        assertThat(dev.annotation()).contains("'dev'");
        assertThat(evaluate(tagged(Map.of("Environment", "dev")), Map.of("tag1Key", "Environment")).complianceType())
                .isEqualTo("COMPLIANT");
    }

    @Test
    void keysAreCaseSensitiveAndAnyScopedTypeIsJudged() {
        assertThat(evaluate(tagged(Map.of("costcenter", "1")), Map.of("tag1Key", "CostCenter")).complianceType())
                .isEqualTo("NON_COMPLIANT");
        ObjectNode function = ConfigItemFixtures.item("AWS::Lambda::Function", "fn", "{}");
        function.with("tags").put("CostCenter", "1");
        assertThat(evaluate(function, Map.of("tag1Key", "CostCenter")).complianceType()).isEqualTo("COMPLIANT");
    }
}
