package io.selfheal.emulator.services.ec2;

/**
 * Public IPv4 addresses on interfaces, as the EC2 User Guide ("Public IPv4 addresses",
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html#concepts-public-addresses)
 * describes them: an auto-assigned address is released when its instance stops or terminates, and a started instance
 * gets a new one; associating an Elastic IP releases it, and disassociating the Elastic IP gives the instance a new
 * one, except that an instance with more than one interface gets none back. Callers hold the region's monitor.
 */
final class PublicAddresses {
    private PublicAddresses() {
    }

    /** Gives {@code eni} a new auto-assigned address. */
    static void assign(Ec2Region region, NetworkInterface eni) {
        String ip = region.publicAddresses.take();
        eni.association = new NetworkInterface.Association(ip, dnsName(region, eni, ip), null);
    }

    /** Releases an auto-assigned address to the pool; an Elastic IP stays. */
    static void releaseAuto(Ec2Region region, NetworkInterface eni) {
        if (eni.association != null && eni.association.elasticIp() == null) {
            region.publicAddresses.release(eni.association.publicIp());
            eni.association = null;
        }
    }

    /** Stop or terminate: the instance's auto-assigned addresses go back. */
    static void stopped(Ec2Region region, Instance instance) {
        instance.interfaces.forEach(e -> releaseAuto(region, e));
    }

    /** Start: a primary interface launched with a public address gets a new one, if it is the only interface. */
    static void started(Ec2Region region, Instance instance) {
        NetworkInterface primary = instance.primaryInterface();
        if (primary != null && primary.autoPublicIp && primary.association == null
                && instance.interfaces.size() == 1) {
            assign(region, primary);
        }
    }

    /** Moves {@code eip} to {@code eni}, which loses its auto-assigned address or an Elastic IP it had. */
    static void associate(Ec2Region region, ElasticIp eip, NetworkInterface eni) {
        if (eip.networkInterface != null) {
            disassociate(region, eip);
        }
        if (eni.association != null) {
            if (eni.association.elasticIp() != null) {
                detach(eni.association.elasticIp());
            } else {
                releaseAuto(region, eni);
            }
        }
        eip.associationId = region.ids.hex("eipassoc", 17);
        eip.networkInterface = eni;
        eni.association = new NetworkInterface.Association(eip.publicIp, dnsName(region, eni, eip.publicIp), eip);
    }

    /** Takes {@code eip} off its interface; a running single-interface instance launched public gets a new address. */
    static void disassociate(Ec2Region region, ElasticIp eip) {
        NetworkInterface eni = eip.networkInterface;
        detach(eip);
        eni.association = null;
        Instance instance = eni.instanceId() == null ? null : region.get(eni.instanceId());
        if (instance != null && (instance.state == InstanceState.RUNNING || instance.state == InstanceState.PENDING)) {
            started(region, instance);
        }
    }

    /** A deleted interface gives back its auto-assigned address and lets go of its Elastic IP, which stays allocated. */
    static void deleted(Ec2Region region, NetworkInterface eni) {
        releaseAuto(region, eni);
        if (eni.association != null) {
            detach(eni.association.elasticIp());
            eni.association = null;
        }
    }

    private static void detach(ElasticIp eip) {
        eip.associationId = null;
        eip.networkInterface = null;
    }

    /**
     * {@code ec2-203-0-113-25.compute-1.amazonaws.com} in us-east-1, {@code ec2-….<region>.compute.amazonaws.com}
     * elsewhere; none in a VPC without DNS hostnames, which is every VPC but the default one here ("DNS attributes for
     * your VPC", https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html).
     */
    static String dnsName(Ec2Region region, NetworkInterface eni, String ip) {
        Vpc vpc = region.vpcs.get(eni.subnet.vpcId);
        if (vpc == null || !vpc.isDefault) {
            return "";
        }
        String host = "ec2-" + ip.replace('.', '-');
        String name = eni.subnet.region;
        return name.equals("us-east-1") ? host + ".compute-1.amazonaws.com"
                : host + "." + name + ".compute.amazonaws.com";
    }
}
