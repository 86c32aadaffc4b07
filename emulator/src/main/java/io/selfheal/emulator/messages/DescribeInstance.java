package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Another service asks EC2 about one instance and its network interfaces, as GuardDuty findings and Config
 * configuration items describe them ({@code resource.instanceDetails}: type, image, launch time, state, tags, and per
 * interface its subnet, VPC, private and public addresses and security groups; the IAM instance profile). Ask with {@code bus.ask(new DescribeInstance(…))};
 * EC2 answers {@link Result#notFound()} for an instance it does not know (terminated instances stay known for a while,
 * as on AWS).
 *
 * @param accountId  the account the instance belongs to
 * @param region     its region
 * @param instanceId {@code i-…}
 */
public record DescribeInstance(String accountId, String region, String instanceId)
        implements BusRequest<DescribeInstance.Result> {

    /** EC2's answer: the instance, or none. */
    public record Result(Instance instance) {
        public static Result notFound() {
            return new Result(null);
        }

        public boolean found() {
            return instance != null;
        }
    }

    /**
     * The instance as EC2's DescribeInstances shows it.
     *
     * @param state              {@code pending}, {@code running}, {@code shutting-down}, {@code terminated},
     *                           {@code stopping}, {@code stopped}
     * @param iamInstanceProfile the associated instance profile, or null
     */
    public record Instance(String instanceId, String state, String instanceType, String imageId, String vpcId,
                           String subnetId, String availabilityZone, String privateIpAddress,
                           String privateDnsName, Instant launchTime, Map<String, String> tags,
                           List<NetworkInterface> networkInterfaces, IamInstanceProfile iamInstanceProfile) {
    }

    /**
     * One attached interface (every device index, the primary first), with its security groups.
     *
     * @param publicIp      the public IPv4 address, or null
     * @param publicDnsName its DNS name, or null
     */
    public record NetworkInterface(String networkInterfaceId, String subnetId, String vpcId, String privateIpAddress,
                                   String privateDnsName, String macAddress, List<SecurityGroup> securityGroups,
                                   String publicIp, String publicDnsName) {
    }

    /** An instance profile as DescribeInstances shows it: {@code arn:aws:iam::…:instance-profile/…} and {@code AIPA…}. */
    public record IamInstanceProfile(String arn, String id) {
    }

    public record SecurityGroup(String groupId, String groupName) {
    }
}
