package io.selfheal.emulator.services.config.managed;

import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.deleted;
import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.instance;
import static io.selfheal.emulator.services.config.managed.ConfigItemFixtures.volume;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.services.config.ManagedRule;
import io.selfheal.emulator.services.config.ManagedRules;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The two volume rules, each against its page. */
class Ec2VolumeRulesTest {

    private static String compliance(ManagedRule rule, ObjectNode item, Map<String, String> input,
                                     ConfigItemFixtures items) {
        return rule.evaluate(item, rule.parameters(input), items).get(0).complianceType();
    }

    /** https://docs.aws.amazon.com/config/latest/developerguide/ec2-volume-inuse-check.html */
    @Nested
    class InUse {
        private final ManagedRule rule = ManagedRules.find("EC2_VOLUME_INUSE_CHECK");
        private final ConfigItemFixtures items = new ConfigItemFixtures()
                .with(instance("i-running", "running", null, "disabled"))
                .with(instance("i-stopped", "stopped", null, "disabled"))
                .with(instance("i-gone", "terminated", null, "disabled"))
                .with(deleted(instance("i-deleted", "running", null, "disabled")));

        @Test
        void catalogEntryMatchesThePage() {
            assertThat(rule.resourceTypes()).containsExactly("AWS::EC2::Volume");
            assertThat(rule.changeTriggered()).isTrue();
            assertThat(rule.periodic()).isFalse();
            assertThat(rule.parameters(Map.of())).isEmpty();
        }

        @Test
        void attachedToRunningOrStoppedInstanceIsCompliant() {
            assertThat(compliance(rule, volume("i-running", false, false, null), Map.of(), items))
                    .isEqualTo("COMPLIANT");
            assertThat(compliance(rule, volume("i-stopped", false, false, null), Map.of(), items))
                    .isEqualTo("COMPLIANT");
        }

        @Test
        void unattachedOrAttachedToTerminatedInstanceIsNonCompliant() {
            assertThat(compliance(rule, volume(null, false, false, null), Map.of(), items)).isEqualTo("NON_COMPLIANT");
            assertThat(compliance(rule, volume("i-gone", true, false, null), Map.of(), items))
                    .isEqualTo("NON_COMPLIANT");
            assertThat(compliance(rule, volume("i-deleted", true, false, null), Map.of(), items))
                    .isEqualTo("NON_COMPLIANT");
        }

        @Test
        void deleteOnTerminationTrueRequiresTheFlag() {
            Map<String, String> flag = Map.of("deleteOnTermination", "True");
            assertThat(compliance(rule, volume("i-running", false, false, null), flag, items))
                    .isEqualTo("NON_COMPLIANT");
            assertThat(compliance(rule, volume("i-running", true, false, null), flag, items)).isEqualTo("COMPLIANT");
            assertThat(compliance(rule, volume("i-running", false, false, null), Map.of("deleteOnTermination",
                    "False"), items)).isEqualTo("COMPLIANT");
        }

        @Test
        void otherParameterValuesAreNonCompliantAsThePageSays() {
            assertThat(compliance(rule, volume("i-running", true, false, null), Map.of("deleteOnTermination", "yes"),
                    items)).isEqualTo("NON_COMPLIANT");
        }
    }

    /** https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html */
    @Nested
    class Encrypted {
        private static final String KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";
        private static final String KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/" + KEY;
        private final ManagedRule rule = ManagedRules.find("ENCRYPTED_VOLUMES");
        private final ConfigItemFixtures items = new ConfigItemFixtures();

        @Test
        void catalogEntryMatchesThePage() {
            assertThat(rule.resourceTypes()).containsExactly("AWS::EC2::Volume");
            assertThat(rule.changeTriggered()).isTrue();
            assertThat(rule.periodic()).isFalse();
            assertThat(rule.parameters(Map.of("kmsId", KEY))).containsEntry("kmsId", KEY);
        }

        @Test
        void attachedUnencryptedIsNonCompliantAndDetachedNotApplicable() {
            assertThat(compliance(rule, volume("i-1", true, false, null), Map.of(), items)).isEqualTo("NON_COMPLIANT");
            assertThat(compliance(rule, volume("i-1", true, true, KEY_ARN), Map.of(), items)).isEqualTo("COMPLIANT");
            assertThat(compliance(rule, volume(null, true, false, null), Map.of(), items)).isEqualTo("NOT_APPLICABLE");
        }

        @Test
        void kmsIdMatchesByIdOrArn() {
            assertThat(compliance(rule, volume("i-1", true, true, KEY_ARN), Map.of("kmsId", KEY), items))
                    .isEqualTo("COMPLIANT");
            assertThat(compliance(rule, volume("i-1", true, true, KEY_ARN), Map.of("kmsId", KEY_ARN), items))
                    .isEqualTo("COMPLIANT");
            assertThat(compliance(rule, volume("i-1", true, true, KEY_ARN.replace("1234abcd", "9999ffff")),
                    Map.of("kmsId", KEY), items)).isEqualTo("NON_COMPLIANT");
        }
    }
}
