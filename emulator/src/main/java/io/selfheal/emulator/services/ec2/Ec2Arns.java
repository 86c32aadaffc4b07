package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.ResourceArns;
import java.util.List;

/**
 * The ARNs IAM matches EC2 requests against ("Resource types defined by Amazon EC2" in the Service Authorization
 * Reference, https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html): an id's prefix
 * names its resource type. Snapshots are the exception with no account in their ARN.
 */
final class Ec2Arns {
    static final ResourceArns INSTANCES = ResourceArns.each("InstanceId", Ec2Arns::of);
    static final ResourceArns GROUP = ResourceArns.each("GroupId", Ec2Arns::of);
    static final ResourceArns TAGGED = ResourceArns.each("ResourceId", Ec2Arns::of);
    static final ResourceArns INTERFACE = ResourceArns.each("NetworkInterfaceId", Ec2Arns::of);
    static final ResourceArns VOLUME = ResourceArns.each("VolumeId", Ec2Arns::of);
    /** RunInstances: the new instances and the image they start from (images have no account in their ARN). */
    static final ResourceArns LAUNCH = (ctx, input) -> List.of(ctx.arn("ec2", "instance/*"),
            "arn:aws:ec2:" + ctx.region() + "::image/" + input.path("ImageId").asText());
    /** CreateSecurityGroup: the new group, in the VPC it names (the default VPC's otherwise). */
    static final ResourceArns NEW_GROUP = (ctx, input) -> input.hasNonNull("VpcId")
            ? List.of(ctx.arn("ec2", "security-group/*"), of(ctx, input.get("VpcId").asText()))
            : List.of(ctx.arn("ec2", "security-group/*"));
    /** CreateSnapshots: the instance of InstanceSpecification and the new snapshots. */
    static final ResourceArns INSTANCE_SNAPSHOTS = (ctx, input) -> List.of(
            of(ctx, input.path("InstanceSpecification").path("InstanceId").asText()),
            "arn:aws:ec2:" + ctx.region() + "::snapshot/*");

    static final ResourceArns VPC = ResourceArns.each("VpcId", Ec2Arns::of);
    static final ResourceArns SUBNET = ResourceArns.each("SubnetId", Ec2Arns::of);
    /** CreateVpc: the new VPC. */
    static final ResourceArns NEW_VPC = (ctx, input) -> List.of(ctx.arn("ec2", "vpc/*"));
    /** CreateSubnet: the new subnet and the VPC it is made in. */
    static final ResourceArns NEW_SUBNET = (ctx, input) -> List.of(ctx.arn("ec2", "subnet/*"),
            of(ctx, input.path("VpcId").asText()));
    /** CreateNetworkInterface: the new interface and its subnet. */
    static final ResourceArns NEW_INTERFACE = (ctx, input) -> List.of(ctx.arn("ec2", "network-interface/*"),
            of(ctx, input.path("SubnetId").asText()));
    /** AttachNetworkInterface: the interface and the instance. */
    static final ResourceArns INTERFACE_AND_INSTANCE = (ctx, input) -> List.of(
            of(ctx, input.path("NetworkInterfaceId").asText()), of(ctx, input.path("InstanceId").asText()));
    /** CreateVolume: a new volume. */
    static final ResourceArns NEW_VOLUME = (ctx, input) -> List.of(ctx.arn("ec2", "volume/*"));
    /** AttachVolume and DetachVolume: the volume and the instance (DetachVolume may omit it). */
    static final ResourceArns VOLUME_AND_INSTANCE = (ctx, input) -> input.hasNonNull("InstanceId")
            ? List.of(of(ctx, input.path("VolumeId").asText()), of(ctx, input.path("InstanceId").asText()))
            : List.of(of(ctx, input.path("VolumeId").asText()), ctx.arn("ec2", "instance/*"));
    /** Disassociate/ReplaceIamInstanceProfileAssociation name an association, which IAM knows only as an instance. */
    static final ResourceArns ANY_INSTANCE = (ctx, input) -> List.of(ctx.arn("ec2", "instance/*"));

    /** AllocateAddress: the new Elastic IP. */
    static final ResourceArns NEW_ELASTIC_IP = (ctx, input) -> List.of(ctx.arn("ec2", "elastic-ip/*"));
    static final ResourceArns ELASTIC_IP = ResourceArns.each("AllocationId", Ec2Arns::of);
    /** AssociateAddress: the Elastic IP and the instance or interface it goes to. */
    static final ResourceArns ELASTIC_IP_TARGET = (ctx, input) -> java.util.stream.Stream.concat(
            input.hasNonNull("AllocationId") ? java.util.stream.Stream.empty()
                    : java.util.stream.Stream.of(ctx.arn("ec2", "elastic-ip/*")),
            java.util.stream.Stream.of("AllocationId", "InstanceId", "NetworkInterfaceId").filter(input::hasNonNull)
                    .map(name -> of(ctx, input.get(name).asText()))).toList();
    /** DisassociateAddress names an association, which IAM knows only as an Elastic IP. */
    static final ResourceArns ANY_ELASTIC_IP = (ctx, input) -> List.of(ctx.arn("ec2", "elastic-ip/*"));

    private Ec2Arns() {
    }

    /** The ARN of the resource an EC2 id names, e.g. {@code i-0abc…} → {@code …:instance/i-0abc…}. */
    static String of(RequestContext ctx, String id) {
        int dash = id.lastIndexOf('-');
        String type = switch (dash < 0 ? "" : id.substring(0, dash)) {
            case "i" -> "instance";
            case "sg" -> "security-group";
            case "sgr" -> "security-group-rule";
            case "eni" -> "network-interface";
            case "vol" -> "volume";
            case "vpc" -> "vpc";
            case "subnet" -> "subnet";
            case "snap" -> "snapshot";
            case "eipalloc" -> "elastic-ip";
            default -> "unknown";
        };
        String account = type.equals("snapshot") ? "" : ctx.accountId();
        return "arn:aws:ec2:" + ctx.region() + ":" + account + ":" + type + "/" + id;
    }
}
