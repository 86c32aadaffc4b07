package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.service.Params;
import java.util.List;

/**
 * Whether RunInstances gives the primary interface a public IPv4 address
 * (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_InstanceNetworkInterfaceSpecification.html,
 * AssociatePublicIpAddress): {@code NetworkInterface.N.AssociatePublicIpAddress} when given, which is only allowed for
 * a single new interface at device index 0; otherwise the subnet's MapPublicIpOnLaunch, and never when more than one
 * interface is launched or the primary is an existing interface ("You can't auto-assign a public IPv4 address if you
 * specify more than one network interface", EC2 User Guide, "Public IPv4 addresses").
 */
final class LaunchPublicIp {
    private LaunchPublicIp() {
    }

    /** Checks the request and decides; {@code network} is the launch's interfaces, the primary first. */
    static boolean decide(Params p, List<LaunchNetwork.Spec> network) {
        Boolean asked = null;
        for (ObjectNode n : p.objects("NetworkInterface")) {
            Params e = new Params(n, p.errors());
            if (!e.has("AssociatePublicIpAddress")) {
                continue;
            }
            if (network.size() > 1) {
                throw Ec2Errors.invalidCombination("The associatePublicIPAddress parameter cannot be specified when "
                        + "launching with multiple network interfaces.");
            }
            if (e.has("NetworkInterfaceId")) {
                throw Ec2Errors.invalidCombination("The associatePublicIPAddress parameter cannot be specified for an "
                        + "existing network interface.");
            }
            asked = e.bool("AssociatePublicIpAddress", false);
        }
        LaunchNetwork.Spec primary = network.get(0);
        if (asked != null) {
            return asked;
        }
        return network.size() == 1 && primary.existing() == null && primary.subnet().mapPublicIpOnLaunch;
    }

    /** Marks the launched primary interface and gives it its address. */
    static void apply(Ec2Region region, NetworkInterface primary, boolean publicIp) {
        primary.autoPublicIp = publicIp;
        if (publicIp) {
            PublicAddresses.assign(region, primary);
        }
    }
}
