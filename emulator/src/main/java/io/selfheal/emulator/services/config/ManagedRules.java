package io.selfheal.emulator.services.config;

import io.selfheal.emulator.services.config.managed.Ec2InstanceDetailedMonitoringEnabled;
import io.selfheal.emulator.services.config.managed.Ec2InstanceNoPublicIp;
import io.selfheal.emulator.services.config.managed.Ec2VolumeInuseCheck;
import io.selfheal.emulator.services.config.managed.EncryptedVolumes;
import io.selfheal.emulator.services.config.managed.RequiredTags;
import io.selfheal.emulator.services.config.managed.RestrictedCommonPorts;
import io.selfheal.emulator.services.config.managed.RestrictedSsh;
import io.selfheal.emulator.services.config.managed.S3BucketPublicReadProhibited;
import io.selfheal.emulator.services.config.managed.VpcDefaultSecurityGroupClosed;
import io.selfheal.emulator.services.config.managed.VpcSgOpenOnlyToAuthorizedPorts;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalog of managed rules evaluated natively: register a new {@link ManagedRule} with one line here. */
public final class ManagedRules {
    private static final List<ManagedRule> ALL = List.of(
            new RestrictedSsh(),
            new RestrictedCommonPorts(),
            new VpcSgOpenOnlyToAuthorizedPorts(),
            new VpcDefaultSecurityGroupClosed(),
            new Ec2InstanceNoPublicIp(),
            new Ec2VolumeInuseCheck(),
            new EncryptedVolumes(),
            new RequiredTags(),
            new Ec2InstanceDetailedMonitoringEnabled(),
            new S3BucketPublicReadProhibited(),
            new ProcessCheck()
    );
    private static final Map<String, ManagedRule> BY_IDENTIFIER =
            ALL.stream().collect(Collectors.toUnmodifiableMap(ManagedRule::identifier, Function.identity()));

    private ManagedRules() {
    }

    /** The rule with that {@code SourceIdentifier}, or null when it is not emulated. */
    public static ManagedRule find(String identifier) {
        return BY_IDENTIFIER.get(identifier);
    }

    public static List<ManagedRule> all() {
        return ALL;
    }
}
