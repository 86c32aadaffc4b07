package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
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

/** CreateTags and DeleteTags on instances, the only taggable resource modelled here. */
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
        Ec2Region region = store.get(ctx);
        synchronized (region) {
            List<Instance> instances = InstanceIds.resolve(region, ids);
            Ec2Errors.checkDryRun(p);
            instances.forEach(i -> Tags.checkLimit(i.tags, tags));
            instances.forEach(i -> i.tags.putAll(tags));
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
        Ec2Region region = store.get(ctx);
        synchronized (region) {
            List<Instance> instances = InstanceIds.resolve(region, ids);
            Ec2Errors.checkDryRun(p);
            for (Instance instance : instances) {
                if (tags.isEmpty()) {
                    instance.tags.clear();
                }
                for (ObjectNode tag : tags) {
                    String key = Tags.text(tag.get("Key"));
                    String value = Tags.text(tag.get("Value"));
                    if (value == null || value.equals(instance.tags.get(key))) {
                        instance.tags.remove(key);
                    }
                }
            }
        }
        return Json.object().put("return", true);
    }

    /** {@code ResourceId.N}: instance ids; other EC2 resource types are not modelled and refused as invalid ids. */
    private static List<String> resourceIds(Params p) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(p.strings("ResourceId")));
        if (ids.isEmpty()) {
            throw p.errors().missing("ResourceId");
        }
        for (String id : ids) {
            if (!id.startsWith("i-")) {
                throw AwsException.badRequest("InvalidID", "The ID '" + id + "' is not valid");
            }
        }
        return ids;
    }
}
