package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.List;

/**
 * ModifySubnetAttribute (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_ModifySubnetAttribute.html):
 * {@code MapPublicIpOnLaunch}, whether instances launched into the subnet get a public IPv4 address. The subnet's
 * IPv6, customer-owned, DNS64 and resource-name attributes are not emulated and are refused as such. One attribute
 * per call, as the reference says ("You can only modify one attribute at a time").
 */
final class SubnetAttributeHandler {
    /** The other attributes of the reference, refused because nothing here would act on them. */
    private static final List<String> NOT_EMULATED = List.of("AssignIpv6AddressOnCreation",
            "MapCustomerOwnedIpOnLaunch", "CustomerOwnedIpv4Pool", "EnableDns64", "PrivateDnsHostnameTypeOnLaunch",
            "EnableResourceNameDnsARecordOnLaunch", "EnableResourceNameDnsAAAARecordOnLaunch",
            "EnableLniAtDeviceIndex", "DisableLniAtDeviceIndex");

    private final RegionalStore<Ec2Region> store;

    SubnetAttributeHandler(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    JsonNode modifySubnetAttribute(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String subnetId = p.required("SubnetId");
        List<String> others = NOT_EMULATED.stream().filter(p::has).toList();
        List<String> given = new java.util.ArrayList<>(others);
        if (p.has("MapPublicIpOnLaunch")) {
            given.add(0, "MapPublicIpOnLaunch");
        }
        if (given.size() != 1) {
            throw Ec2Errors.invalidCombination(given.isEmpty() ? "No attribute specified."
                    : "Fields for multiple attribute types specified: " + String.join(", ", given));
        }
        if (!others.isEmpty()) {
            throw AwsException.badRequest("UnsupportedOperation",
                    "The subnet attribute " + others.get(0) + " is not supported by this emulator.");
        }
        Params value = p.child("MapPublicIpOnLaunch");
        if (value == null || !value.has("Value")) {
            throw p.errors().missing("MapPublicIpOnLaunch.Value");
        }
        boolean map = value.bool("Value", false);
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Subnet subnet = ResourceKind.SUBNET.resolve(region.subnets, subnetId); // the call has no DryRun
            subnet.mapPublicIpOnLaunch = map;
        }
        return Json.object().put("return", true);
    }
}
