package io.selfheal.emulator.services.guardduty;

/**
 * One row of the finding-type table ({@link FindingTypes}): what GuardDuty says about a type, from its finding-type
 * pages (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html and …-iam.html).
 *
 * @param name            {@code ThreatPurpose:ResourceTypeAffected/ThreatFamilyName.DetectionMechanism!Artifact}
 * @param resource        the kind of {@code resource.resourceType}
 * @param action          the kind of {@code service.action.actionType}
 * @param resourceRole    {@code ACTOR} when the instance acts (calls out), {@code TARGET} when it is acted on
 * @param defaultSeverity the type's default severity as a number inside its documented band
 * @param title           title template; {@code {instanceId}}, {@code {remoteIp}}, {@code {domain}}, {@code {port}},
 *                        {@code {role}} are filled in
 * @param description     description template, same placeholders
 */
record FindingType(String name, ResourceKind resource, ActionKind action, String resourceRole,
                   double defaultSeverity, String title, String description) {

    /** {@code resource.resourceType}. */
    enum ResourceKind {
        INSTANCE("Instance"), ACCESS_KEY("AccessKey");

        final String wireName;

        ResourceKind(String wireName) {
            this.wireName = wireName;
        }
    }

    /** {@code service.action.actionType}, and the member of {@code action} that details it. */
    enum ActionKind {
        NETWORK_CONNECTION("networkConnectionAction"), DNS_REQUEST("dnsRequestAction"),
        PORT_PROBE("portProbeAction"), AWS_API_CALL("awsApiCallAction");

        final String member;

        ActionKind(String member) {
            this.member = member;
        }
    }
}
