package io.selfheal.emulator.services.ec2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.service.Params;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finding a launch template and one of its versions by id or name and {@code $Latest}/{@code $Default}/a number, with
 * EC2's errors ("Error codes for the Amazon EC2 API",
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html), and applying a version to a
 * RunInstances request.
 */
final class LaunchTemplates {
    /** The pattern and length CreateLaunchTemplate documents for {@code LaunchTemplateName}. */
    static final Pattern NAME = Pattern.compile("[a-zA-Z0-9().\\-/_]{3,128}");
    private static final Pattern ID = Pattern.compile("lt-[0-9a-f]{17}");
    /** The tags EC2 puts on an instance launched from a template (callers may not set {@code aws:} tags). */
    static final String ID_TAG = "aws:ec2launchtemplate:id";
    static final String VERSION_TAG = "aws:ec2launchtemplate:version";

    private LaunchTemplates() {
    }

    /** A template and the version a request selected. */
    record Selected(LaunchTemplate template, LaunchTemplate.Version version) {
        /** What EC2 tags an instance launched from it with. */
        Map<String, String> instanceTags() {
            return Map.of(ID_TAG, template.id, VERSION_TAG, Long.toString(version.number()));
        }
    }

    /** The template {@code LaunchTemplateId} or {@code LaunchTemplateName} of {@code p} names (exactly one of them). */
    static LaunchTemplate find(Ec2Region region, Params p) {
        String id = p.string("LaunchTemplateId");
        String name = p.string("LaunchTemplateName");
        if (id != null && name != null) {
            throw Ec2Errors.invalidCombination("You can specify either a launch template ID or a launch template "
                    + "name in the request, but not both.");
        }
        if (id != null) {
            if (!ID.matcher(id).matches()) {
                throw AwsException.badRequest("InvalidLaunchTemplateId.Malformed", "The specified ID for the launch "
                        + "template (" + id + ") is malformed. Specify the ID in the form lt-xxxxxxxxxxxxxxxxx.");
            }
            LaunchTemplate t = region.launchTemplates.get(id);
            if (t == null) {
                throw AwsException.badRequest("InvalidLaunchTemplateId.NotFound",
                        "The specified launch template, with template ID " + id + ", does not exist.");
            }
            return t;
        }
        if (name == null) {
            throw AwsException.badRequest("MissingParameter",
                    "The request must contain the parameter LaunchTemplateName or LaunchTemplateId");
        }
        return byName(region, name);
    }

    static LaunchTemplate byName(Ec2Region region, String name) {
        if (!NAME.matcher(name).matches()) {
            throw nameMalformed();
        }
        return region.launchTemplates.values().stream().filter(t -> t.name.equals(name)).findFirst()
                .orElseThrow(() -> AwsException.badRequest("InvalidLaunchTemplateName.NotFoundException",
                        "The specified launch template, with template name " + name + ", does not exist."));
    }

    static AwsException nameMalformed() {
        return AwsException.badRequest("InvalidLaunchTemplateName.MalformedException", "A launch template name must "
                + "be between 3 and 128 characters, and may contain letters, numbers, and the following characters: "
                + "- ( ) . / _.'");
    }

    /** {@code $Latest}, {@code $Default} or a version number; null means the default, as RunInstances documents. */
    static LaunchTemplate.Version version(LaunchTemplate t, String version) {
        long number;
        if (version == null || version.equals("$Default")) {
            number = t.defaultVersion;
        } else if (version.equals("$Latest")) {
            number = t.latestVersion();
        } else {
            try {
                number = Long.parseLong(version);
            } catch (NumberFormatException e) {
                throw versionNotFound(t, version);
            }
        }
        LaunchTemplate.Version v = t.version(number);
        if (v == null) {
            throw versionNotFound(t, version);
        }
        return v;
    }

    static AwsException versionNotFound(LaunchTemplate t, String version) {
        return AwsException.badRequest("InvalidLaunchTemplateId.VersionNotFound",
                "The specified launch template version (" + version + ") does not exist for launch template "
                        + t.id + ".");
    }

    /** The template and version of RunInstances' {@code LaunchTemplate} member, or null when it names none. */
    static Selected selected(Ec2Region region, ObjectNode run) {
        Params spec = new Params(run, Params.EC2).child("LaunchTemplate");
        if (spec == null) {
            return null;
        }
        synchronized (region) {
            LaunchTemplate t = find(region, spec);
            return new Selected(t, version(t, spec.string("Version")));
        }
    }

    /**
     * RunInstances' input with the version's parameters filled in: "Any parameters that you specify in RunInstances
     * override the same parameters in the launch template" (RunInstances, {@code LaunchTemplate},
     * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_RunInstances.html). Tags are per resource: the
     * request's tags are added to the template's for the same resource type, the request's value winning a key.
     */
    static ObjectNode apply(ObjectNode input, LaunchTemplate.Version version) {
        ObjectNode merged = input.deepCopy();
        merged.remove("LaunchTemplate");
        version.data().fields().forEachRemaining(e -> {
            if (e.getKey().equals("TagSpecification")) {
                merged.set("TagSpecification", mergedTags(version.data().get("TagSpecification"),
                        input.get("TagSpecification")));
            } else if (!merged.has(e.getKey())) {
                merged.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        return merged;
    }

    private static ArrayNode mergedTags(JsonNode template, JsonNode request) {
        Map<String, Map<String, String>> byType = new LinkedHashMap<>();
        for (JsonNode specs : new JsonNode[] {template, request}) {
            for (JsonNode spec : specs == null ? Json.array() : specs.isArray() ? specs : Json.array().add(specs)) {
                Map<String, String> tags = byType.computeIfAbsent(spec.path("ResourceType").asText(),
                        k -> new LinkedHashMap<>());
                for (JsonNode tag : spec.path("Tag")) {
                    tags.put(tag.path("Key").asText(), tag.path("Value").asText(""));
                }
            }
        }
        ArrayNode out = Json.array();
        byType.forEach((type, tags) -> {
            ObjectNode spec = out.addObject().put("ResourceType", type);
            ArrayNode list = spec.putArray("Tag");
            tags.forEach((k, v) -> list.addObject().put("Key", k).put("Value", v));
        });
        return out;
    }
}
