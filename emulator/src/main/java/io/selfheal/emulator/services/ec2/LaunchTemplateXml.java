package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;

/**
 * Launch templates in EC2's response names ({@code LaunchTemplate}, {@code LaunchTemplateVersion} and
 * {@code ResponseLaunchTemplateData} in the API reference).
 */
final class LaunchTemplateXml {
    private LaunchTemplateXml() {
    }

    static ObjectNode template(LaunchTemplate t) {
        ObjectNode n = Json.object().put("launchTemplateId", t.id).put("launchTemplateName", t.name)
                .put("createTime", InstanceXml.time(t.createTime)).put("createdBy", t.createdBy)
                .put("defaultVersionNumber", t.defaultVersion).put("latestVersionNumber", t.latestVersion());
        if (!t.tags.isEmpty()) {
            n.set("tagSet", InstanceXml.tagSet(t.tags));
        }
        return n;
    }

    static ObjectNode version(LaunchTemplate t, LaunchTemplate.Version v) {
        ObjectNode n = Json.object().put("launchTemplateId", t.id).put("launchTemplateName", t.name)
                .put("versionNumber", v.number());
        if (v.description() != null) {
            n.put("versionDescription", v.description());
        }
        n.put("createTime", InstanceXml.time(v.createTime())).put("createdBy", v.createdBy())
                .put("defaultVersion", v.number() == t.defaultVersion);
        n.set("launchTemplateData", data(v.data(), false));
        return n;
    }

    /**
     * The request's launch parameters in response names: members lower-cased first, lists with a {@code Set}
     * suffix ({@code SecurityGroupId.N} → {@code securityGroupIdSet}); an interface's groups are its {@code groupSet}.
     */
    static ObjectNode data(JsonNode request, boolean inInterface) {
        ObjectNode out = Json.object();
        request.fields().forEachRemaining(e -> {
            String name = Character.toLowerCase(e.getKey().charAt(0)) + e.getKey().substring(1);
            JsonNode value = e.getValue();
            if (value.isArray()) {
                String set = inInterface && e.getKey().equals("SecurityGroupId") ? "groupSet" : name + "Set";
                ArrayNode items = out.putArray(set);
                boolean interfaces = e.getKey().equals("NetworkInterface");
                value.forEach(item -> items.add(item.isObject() ? data(item, interfaces) : item));
            } else if (value.isObject()) {
                out.set(name, data(value, false));
            } else {
                out.set(name, value);
            }
        });
        return out;
    }
}
