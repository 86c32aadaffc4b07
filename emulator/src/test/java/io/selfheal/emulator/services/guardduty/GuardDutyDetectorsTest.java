package io.selfheal.emulator.services.guardduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.selfheal.emulator.EmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.BadRequestException;
import software.amazon.awssdk.services.guardduty.model.DetectorStatus;
import software.amazon.awssdk.services.guardduty.model.FindingPublishingFrequency;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;

/**
 * Detectors through the SDK: one per account and region, GuardDuty's error shape
 * (https://docs.aws.amazon.com/guardduty/latest/APIReference/API_CreateDetector.html,
 * https://docs.aws.amazon.com/guardduty/latest/APIReference/CommonErrors.html).
 */
class GuardDutyDetectorsTest {
    @RegisterExtension
    static final EmulatorExtension AWS = EmulatorExtension.realTime().resetBeforeEach();

    @Test
    void oneDetectorPerAccountAndRegion(GuardDutyClient gd) {
        String id = gd.createDetector(b -> b.enable(true)).detectorId();

        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(gd.listDetectors().detectorIds()).containsExactly(id);
        BadRequestException second = catchThrowableOfType(() -> gd.createDetector(b -> b.enable(true)),
                BadRequestException.class);
        assertThat(second.statusCode()).isEqualTo(400);
        assertThat(second.awsErrorDetails().errorCode()).isEqualTo("BadRequestException");
        assertThat(second.type()).isEqualTo("InvalidInputException");
        assertThat(second.getMessage()).contains("a detector already exists for the current account");
    }

    @Test
    void getsAndUpdatesTheDetector(GuardDutyClient gd) {
        String id = gd.createDetector(b -> b.enable(true).tags(java.util.Map.of("team", "sec"))).detectorId();

        GetDetectorResponse fresh = gd.getDetector(b -> b.detectorId(id));
        assertThat(fresh.status()).isEqualTo(DetectorStatus.ENABLED);
        assertThat(fresh.findingPublishingFrequency()).isEqualTo(FindingPublishingFrequency.SIX_HOURS);
        assertThat(fresh.serviceRole()).endsWith(":role/aws-service-role/guardduty.amazonaws.com/"
                + "AWSServiceRoleForAmazonGuardDuty");
        assertThat(fresh.tags()).containsEntry("team", "sec");

        gd.updateDetector(b -> b.detectorId(id).enable(false)
                .findingPublishingFrequency(FindingPublishingFrequency.FIFTEEN_MINUTES));
        GetDetectorResponse updated = gd.getDetector(b -> b.detectorId(id));
        assertThat(updated.status()).isEqualTo(DetectorStatus.DISABLED);
        assertThat(updated.findingPublishingFrequency()).isEqualTo(FindingPublishingFrequency.FIFTEEN_MINUTES);
    }

    @Test
    void aDeletedOrUnknownDetectorIsRefused(GuardDutyClient gd) {
        String id = gd.createDetector(b -> b.enable(true)).detectorId();
        gd.deleteDetector(b -> b.detectorId(id));

        assertThat(gd.listDetectors().detectorIds()).isEmpty();
        BadRequestException gone = catchThrowableOfType(() -> gd.getDetector(b -> b.detectorId(id)),
                BadRequestException.class);
        assertThat(gone.type()).isEqualTo("InvalidInputException");
        assertThat(gone.getMessage()).contains("detectorId is not owned by the current account");
        assertThat(gd.createDetector(b -> b.enable(true)).detectorId()).isNotEqualTo(id);
    }

    @Test
    void refusesABadFrequencyAndAMissingEnable(GuardDutyClient gd) {
        BadRequestException bad = catchThrowableOfType(() -> gd.createDetector(b -> b.enable(true)
                .findingPublishingFrequency("EVERY_MINUTE")), BadRequestException.class);
        assertThat(bad.getMessage()).contains("findingPublishingFrequency has an invalid value");
        BadRequestException missing = catchThrowableOfType(() -> gd.createDetector(b -> { }),
                BadRequestException.class);
        assertThat(missing.getMessage()).contains("missing the required parameter enable");
        assertThat(gd.listDetectors().detectorIds()).isEmpty();
    }
}
