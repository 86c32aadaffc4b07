package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * CreateTags, DeleteTags and DescribeTags on every resource modelled: instances, VPCs, subnets, security groups and
 * their rules, network interfaces, volumes, snapshots and Elastic IPs.
 */
final class TagHandlers {
    private final RegionalStore<Ec2Region> store;

    TagHandlers(RegionalStore<Ec2Region> store) {
        this.store = store;
    }

    /** CreateTags: adds or overwrites each tag on every resource; refused whole if any resource is unknown. */
    JsonNode createTags(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = resourceIds(p);
        if (!p.has("Tag")) {
            throw p.errors().missing("Tag");
        }
        Map<String, String> tags = Tags.parse(p.objects("Tag"), p.errors());
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            List<Tagged> resources = resolve(region, ids);
            Ec2Errors.checkDryRun(p);
            resources.forEach(r -> Tags.checkLimit(r.tags(), tags));
            resources.forEach(r -> r.tags().putAll(tags));
        }
        return Json.object().put("return", true);
    }

    /**
     * DeleteTags (API reference): no {@code Tag} deletes every tag; a key without a value deletes that key whatever
     * its value; a key with a value, even an empty one, deletes the tag only if the value matches.
     */
    JsonNode deleteTags(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = resourceIds(p);
        List<ObjectNode> tags = p.objects("Tag");
        for (ObjectNode tag : tags) {
            String key = Tags.text(tag.get("Key"));
            if (key == null) {
                throw p.errors().missing("Tag.Key");
            }
        }
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            List<Tagged> resources = resolve(region, ids);
            Ec2Errors.checkDryRun(p);
            for (Tagged resource : resources) {
                Map<String, String> current = resource.tags();
                if (tags.isEmpty()) {
                    current.clear();
                }
                for (ObjectNode tag : tags) {
                    String key = Tags.text(tag.get("Key"));
                    String value = Tags.text(tag.get("Value"));
                    if (value == null || value.equals(current.get(key))) {
                        current.remove(key);
                    }
                }
            }
        }
        return Json.object().put("return", true);
    }

    /** {@code ResourceId.N}, deduplicated; an id of no modelled type is refused as invalid. */
    private static List<String> resourceIds(Params p) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(p.strings("ResourceId")));
        if (ids.isEmpty()) {
            throw p.errors().missing("ResourceId");
        }
        for (String id : ids) {
            if (kind(id) == null && !id.startsWith("i-")) {
                throw AwsException.badRequest("InvalidID", "The ID '" + id + "' is not valid");
            }
        }
        return ids;
    }

    /** The resources, refused as their kind refuses an unknown id (InvalidInstanceID.NotFound, InvalidGroup.NotFound…). */
    private static List<Tagged> resolve(Ec2Region region, List<String> ids) {
        List<Tagged> found = new ArrayList<>();
        for (String id : ids) {
            if (id.startsWith("i-")) {
                found.addAll(InstanceIds.resolve(region, List.of(id)));
                continue;
            }
            ResourceKind kind = kind(id);
            Tagged t = kind == ResourceKind.SECURITY_GROUP_RULE ? region.rule(id) : switch (kind) {
                case VPC -> region.vpcs.get(id);
                case SUBNET -> region.subnets.get(id);
                case SECURITY_GROUP -> region.securityGroups.get(id);
                case NETWORK_INTERFACE -> region.networkInterfaces.get(id);
                case VOLUME -> region.volumes.get(id);
                case SNAPSHOT -> region.snapshots.get(id);
                case ELASTIC_IP -> region.addresses.get(id);
                default -> null;
            };
            if (!kind.wellFormed(id)) {
                throw kind.malformed(id);
            }
            if (t == null) {
                throw kind.notFound(List.of(id));
            }
            found.add(t);
        }
        return found;
    }

    private static ResourceKind kind(String id) {
        int dash = id.lastIndexOf('-');
        String prefix = dash < 0 ? id : id.substring(0, dash);
        for (ResourceKind k : ResourceKind.values()) {
            if (k.prefix.equals(prefix)) {
                return k;
            }
        }
        return null;
    }

    /** DescribeTags: every tag of every resource, filtered by resource-id, resource-type, key and value. */
    JsonNode describeTags(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<TagFilter> filters = new ArrayList<>();
        for (ObjectNode f : p.objects("Filter")) {
            Params filter = new Params(f, p.errors());
            String name = filter.string("Name");
            if (name == null || !TagFilter.NAMES.contains(name)) {
                throw Ec2Errors.invalidParameter("The filter '" + name + "' is invalid");
            }
            filters.add(new TagFilter(name, filter.strings("Value").stream().map(InstanceFilter::glob).toList()));
        }
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("tagSet");
        synchronized (region) {
            region.taggable().forEach(r -> r.tags().forEach((k, v) -> {
                if (filters.stream().allMatch(f -> f.matches(r, k, v))) {
                    set.addObject().put("resourceId", r.resourceId()).put("resourceType", r.resourceType())
                            .put("key", k).put("value", v);
                }
            }));
        }
        return result;
    }

    private record TagFilter(String name, List<java.util.regex.Pattern> values) {
        static final java.util.Set<String> NAMES = java.util.Set.of("resource-id", "resource-type", "key", "value");

        boolean matches(Tagged r, String key, String value) {
            String candidate = switch (name) {
                case "resource-id" -> r.resourceId();
                case "resource-type" -> r.resourceType();
                case "key" -> key;
                default -> value;
            };
            return values.stream().anyMatch(v -> v.matcher(candidate).matches());
        }
    }
}
