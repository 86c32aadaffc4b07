package io.selfheal.harness.stack;

import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The account's AWS Config recording, set up once before Config rules as a team's IaC would
 * (https://docs.aws.amazon.com/config/latest/developerguide/gs-cli-prereq.html): the configuration recorder
 * {@value #NAME} recording all supported types with Config's service-linked role (created with
 * CreateServiceLinkedRole unless the account has it, as the console does:
 * https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html), a delivery channel to
 * the bucket {@code config-bucket-<account>}, and recording started. An existing recorder is left as it is.
 */
final class ConfigRecording {
    static final String NAME = "default";
    private static final String SERVICE = "config.amazonaws.com";
    private static final String ROLE = "AWSServiceRoleForConfig";

    private ConfigRecording() {
    }

    static void ensure(Provisioning p) {
        ConfigClient config = p.clients().config();
        if (!config.describeConfigurationRecorders().configurationRecorders().isEmpty()) {
            return;
        }
        String role = serviceLinkedRole(p.clients().iam());
        String name = p.name(NAME, io.selfheal.harness.runid.NameLimits.CONFIG_RECORDER);
        config.putConfigurationRecorder(r -> r.configurationRecorder(c -> c.name(name).roleARN(role)
                .recordingGroup(g -> g.allSupported(true))));
        String bucket = p.name("config-bucket-" + p.accountId(), io.selfheal.harness.runid.NameLimits.BUCKET);
        S3Client s3 = p.clients().s3();
        if (p.region().equals("us-east-1")) {
            s3.createBucket(r -> r.bucket(bucket));
        } else {
            s3.createBucket(r -> r.bucket(bucket).createBucketConfiguration(c -> c.locationConstraint(p.region())));
        }
        config.putDeliveryChannel(r -> r.deliveryChannel(d -> d.name(name).s3BucketName(bucket)));
        config.startConfigurationRecorder(r -> r.configurationRecorderName(name));
    }

    /** Config's service-linked role: created, or the account's own when it has one (most accounts that used Config). */
    static String serviceLinkedRole(IamClient iam) {
        try {
            return iam.createServiceLinkedRole(r -> r.awsServiceName(SERVICE)).role().arn();
        } catch (IamException e) {
            // AWS answers InvalidInput "Service role name … has been taken" when the role exists.
            if (!"InvalidInput".equals(e.awsErrorDetails().errorCode())
                    || !String.valueOf(e.awsErrorDetails().errorMessage()).contains("has been taken")) {
                throw e;
            }
            return iam.getRole(r -> r.roleName(ROLE)).role().arn();
        }
    }
}
