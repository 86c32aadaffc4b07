package io.selfheal.emulator.services.guardduty;

/** GuardDuty in one account and region: at most one detector, as AWS allows. Guarded by itself. */
final class GuardDutyRegion {
    Detector detector;

    /**
     * The detector a request names.
     *
     * @throws io.selfheal.emulator.core.AwsException when this account and region has no detector of that id
     */
    synchronized Detector require(String detectorId) {
        if (detectorId == null || detectorId.isBlank()) {
            throw GuardDutyErrors.invalidValue("detectorId");
        }
        if (detector == null || !detector.id.equals(detectorId)) {
            throw GuardDutyErrors.noDetector();
        }
        return detector;
    }

    synchronized Detector current() {
        return detector;
    }
}
