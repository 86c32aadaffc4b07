package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.ResourceFilter.one;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * IAM instance profile associations: Associate-, Disassociate-, ReplaceIamInstanceProfileAssociation and
 * DescribeIamInstanceProfileAssociations (EC2 API reference). One association per instance, as EC2 allows; the answer
 * of a change is the association {@code associating} (or {@code disassociating}), as AWS answers before it settles.
 */
final class InstanceProfileHandlers {
    private static final Pattern PROFILE_ARN =
            Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:instance-profile/[\\w+=,.@/-]+");
    private static final Map<String, Function<IamProfileAssociation, Collection<String>>> FILTERS = Map.of(
            "instance-id", a -> one(a.instanceId()),
            "state", a -> one("associated"));

    private final RegionalStore<Ec2Region> store;

    InstanceProfileHandlers(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    JsonNode associate(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String instanceId = p.required("InstanceId");
        String arn = requiredArn(p, ctx);
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Instance instance = InstanceIds.resolve(region, List.of(instanceId)).get(0);
            if (instance.state == InstanceState.TERMINATED || instance.state == InstanceState.SHUTTING_DOWN) {
                throw Ec2Errors.incorrectState("The instance '" + instanceId + "' is not in a valid state for this "
                        + "operation.");
            }
            if (instance.profile != null) {
                throw AwsException.badRequest("IncorrectState",
                        "There is an existing association for instance " + instanceId);
            }
            Ec2Errors.checkDryRun(p);
            instance.profile = associate(region, instance, arn);
            return result(instance.profile, "associating");
        }
    }

    JsonNode disassociate(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String associationId = p.required("AssociationId");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Instance instance = byAssociation(region, associationId);
            Ec2Errors.checkDryRun(p);
            IamProfileAssociation gone = instance.profile;
            instance.profile = null;
            return result(gone, "disassociating");
        }
    }

    JsonNode replace(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String associationId = p.required("AssociationId");
        String arn = requiredArn(p, ctx);
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            Instance instance = byAssociation(region, associationId);
            Ec2Errors.checkDryRun(p);
            instance.profile = associate(region, instance, arn);
            return result(instance.profile, "associating");
        }
    }

    JsonNode describe(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = VpcHandlers.ids(p, "AssociationId");
        Predicate<IamProfileAssociation> filter = ResourceFilter.parse(p, FILTERS);
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("iamInstanceProfileAssociationSet");
        synchronized (region) {
            ids.forEach(id -> byAssociation(region, id));
            region.all().stream().map(i -> i.profile).filter(Objects::nonNull)
                    .filter(a -> ids.isEmpty() || ids.contains(a.associationId())).filter(filter)
                    .forEach(a -> set.add(association(a, "associated")));
        }
        return result;
    }

    /** {@code IamInstanceProfile.Arn}, else the ARN {@code .Name} makes in the caller's account; null if neither. */
    static String profileArn(Params profile, RequestContext ctx) {
        if (profile == null) {
            return null;
        }
        String arn = profile.string("Arn");
        String name = profile.string("Name");
        if (arn != null) {
            if (!PROFILE_ARN.matcher(arn).matches()) {
                throw Ec2Errors.invalidParameter("Value (" + arn + ") for parameter iamInstanceProfile.arn is "
                        + "invalid. Invalid IAM Instance Profile ARN");
            }
            return arn;
        }
        return name == null || name.isEmpty() ? null
                : "arn:aws:iam::" + ctx.accountId() + ":instance-profile/" + name;
    }

    /** A new association; the profile keeps one id per ARN, as IAM gives each profile one {@code AIPA…} id. */
    static IamProfileAssociation associate(Ec2Region region, Instance instance, String arn) {
        String profileId = region.profileIds.computeIfAbsent(arn, a -> region.ids.iamId("AIPA"));
        return new IamProfileAssociation(region.ids.hex("iip-assoc", 17), instance.instanceId, arn, profileId);
    }

    private static String requiredArn(Params p, RequestContext ctx) {
        String arn = profileArn(p.child("IamInstanceProfile"), ctx);
        if (arn == null) {
            throw p.errors().missing("IamInstanceProfile");
        }
        return arn;
    }


    private static Instance byAssociation(Ec2Region region, String associationId) {
        return region.all().stream()
                .filter(i -> i.profile != null && i.profile.associationId().equals(associationId)).findFirst()
                .orElseThrow(() -> AwsException.badRequest("InvalidAssociationID.NotFound",
                        "An association with ID '" + associationId + "' does not exist."));
    }

    private static ObjectNode result(IamProfileAssociation a, String state) {
        ObjectNode result = Json.object();
        result.set("iamInstanceProfileAssociation", association(a, state));
        return result;
    }

    private static ObjectNode association(IamProfileAssociation a, String state) {
        ObjectNode n = Json.object().put("associationId", a.associationId()).put("instanceId", a.instanceId());
        n.putObject("iamInstanceProfile").put("arn", a.arn()).put("id", a.profileId());
        return n.put("state", state);
    }
}
