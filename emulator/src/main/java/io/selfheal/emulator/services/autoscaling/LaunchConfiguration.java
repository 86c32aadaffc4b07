package io.selfheal.emulator.services.autoscaling;

import java.time.Instant;
import java.util.List;

/** A launch configuration: what a group's instances are launched with. */
record LaunchConfiguration(String name, String arn, String imageId, String instanceType, List<String> securityGroups,
                           String iamInstanceProfile, String keyName, Instant createdTime) {
}
