package io.selfheal.emulator.services.ec2;

import static io.selfheal.emulator.services.ec2.ResourceFilter.one;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.messages.DescribeLaunchTemplate;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * CreateLaunchTemplate, CreateLaunchTemplateVersion, DescribeLaunchTemplates, DescribeLaunchTemplateVersions,
 * ModifyLaunchTemplate (the default version) and DeleteLaunchTemplate (EC2 API reference). Parameters are stored as
 * given: "Launch template parameters are not fully validated when you create the launch template"
 * (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/launch-template-restrictions.html); RunInstances validates them.
 */
final class LaunchTemplateOperations {
    private static final Map<String, Function<LaunchTemplate, Collection<String>>> FILTERS = Map.of(
            "launch-template-name", t -> one(t.name),
            "create-time", t -> one(InstanceXml.time(t.createTime)));

    private final EmulatorContext context;
    private final RegionalStore<Ec2Region> store;

    LaunchTemplateOperations(EmulatorContext context, RegionalStore<Ec2Region> store) {
        this.context = context;
        this.store = store;
        context.bus().handle(DescribeLaunchTemplate.class, this::lookup);
    }

    JsonNode create(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        String name = p.required("LaunchTemplateName");
        if (!LaunchTemplates.NAME.matcher(name).matches()) {
            throw LaunchTemplates.nameMalformed();
        }
        ObjectNode data = data(p);
        var tags = Tags.specified(p, "launch-template");
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            if (region.launchTemplates.values().stream().anyMatch(t -> t.name.equals(name))) {
                throw AwsException.badRequest("InvalidLaunchTemplateName.AlreadyExistsException",
                        "Launch template name already in use.");
            }
            Ec2Errors.checkDryRun(p);
            LaunchTemplate t = new LaunchTemplate(context.ids().hex("lt", 17), name, ctx.caller().arn(),
                    context.clock().now());
            t.tags.putAll(tags);
            t.versions.add(new LaunchTemplate.Version(1, p.string("VersionDescription"), data, ctx.caller().arn(),
                    t.createTime));
            region.launchTemplates.put(t.id, t);
            ObjectNode result = Json.object();
            result.set("launchTemplate", LaunchTemplateXml.template(t));
            return result;
        }
    }

    /** A new version: the source version's parameters (if named) with {@code LaunchTemplateData}'s on top. */
    JsonNode createVersion(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        ObjectNode data = data(p);
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            LaunchTemplate t = LaunchTemplates.find(region, p);
            String source = p.string("SourceVersion");
            if (source != null) {
                ObjectNode merged = LaunchTemplates.version(t, source).data().deepCopy();
                merged.setAll(data);
                data = merged;
            }
            Ec2Errors.checkDryRun(p);
            LaunchTemplate.Version v = new LaunchTemplate.Version(t.latestVersion() + 1,
                    p.string("VersionDescription"), data, ctx.caller().arn(), context.clock().now());
            t.versions.add(v);
            ObjectNode result = Json.object();
            result.set("launchTemplateVersion", LaunchTemplateXml.version(t, v));
            return result;
        }
    }

    JsonNode describe(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> ids = p.strings("LaunchTemplateId");
        List<String> names = p.strings("LaunchTemplateName");
        Predicate<LaunchTemplate> filter = ResourceFilter.parse(p, FILTERS);
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("launchTemplates");
        synchronized (region) {
            List<LaunchTemplate> chosen = new ArrayList<>();
            ids.forEach(id -> chosen.add(LaunchTemplates.find(region, new Params(Json.object()
                    .put("LaunchTemplateId", id), Params.EC2))));
            names.forEach(name -> chosen.add(LaunchTemplates.byName(region, name)));
            (ids.isEmpty() && names.isEmpty() ? region.launchTemplates.values() : chosen).stream().filter(filter)
                    .forEach(t -> set.add(LaunchTemplateXml.template(t)));
        }
        return result;
    }

    /**
     * The versions of one template: those listed ({@code $Latest}, {@code $Default} or numbers), else those between
     * {@code MinVersion} and {@code MaxVersion}, else all; with no template named, the {@code $Latest} and/or
     * {@code $Default} versions of every template, as the API reference allows.
     */
    JsonNode describeVersions(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        List<String> versions = p.strings("LaunchTemplateVersion");
        Long min = longValue(p, "MinVersion");
        Long max = longValue(p, "MaxVersion");
        Ec2Region region = Ec2Region.of(store, ctx);
        ObjectNode result = Json.object();
        ArrayNode set = result.putArray("launchTemplateVersionSet");
        synchronized (region) {
            boolean named = p.has("LaunchTemplateId") || p.has("LaunchTemplateName");
            if (!named) {
                if (versions.isEmpty() || !versions.stream().allMatch(v -> v.equals("$Latest") || v.equals("$Default"))) {
                    throw AwsException.badRequest("MissingParameter", "The request must contain the parameter "
                            + "LaunchTemplateName or LaunchTemplateId, unless LaunchTemplateVersion is only "
                            + "$Latest or $Default");
                }
                for (LaunchTemplate t : region.launchTemplates.values()) {
                    versions.stream().map(v -> LaunchTemplates.version(t, v)).distinct()
                            .forEach(v -> set.add(LaunchTemplateXml.version(t, v)));
                }
                return result;
            }
            LaunchTemplate t = LaunchTemplates.find(region, p);
            if (!versions.isEmpty()) {
                versions.stream().map(v -> LaunchTemplates.version(t, v)).distinct()
                        .forEach(v -> set.add(LaunchTemplateXml.version(t, v)));
            } else {
                t.versions.stream().filter(v -> (min == null || v.number() >= min) && (max == null
                        || v.number() <= max)).forEach(v -> set.add(LaunchTemplateXml.version(t, v)));
            }
        }
        return result;
    }

    /** ModifyLaunchTemplate: {@code SetDefaultVersion} (the SDKs' {@code DefaultVersion}) must be an existing version. */
    JsonNode modify(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            LaunchTemplate t = LaunchTemplates.find(region, p);
            String version = p.string("SetDefaultVersion");
            LaunchTemplate.Version chosen = version == null ? null : LaunchTemplates.version(t, version);
            Ec2Errors.checkDryRun(p);
            if (chosen != null) {
                t.defaultVersion = chosen.number();
            }
            ObjectNode result = Json.object();
            result.set("launchTemplate", LaunchTemplateXml.template(t));
            return result;
        }
    }

    /** DeleteLaunchTemplate: the template and all its versions; instances launched from it keep running. */
    JsonNode delete(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.EC2);
        Ec2Region region = Ec2Region.of(store, ctx);
        synchronized (region) {
            LaunchTemplate t = LaunchTemplates.find(region, p);
            Ec2Errors.checkDryRun(p);
            region.launchTemplates.remove(t.id);
            ObjectNode result = Json.object();
            result.set("launchTemplate", LaunchTemplateXml.template(t));
            return result;
        }
    }

    /**
     * The template's ARN for IAM ({@code launch-template/lt-…}); a name IAM cannot resolve yet matches as
     * {@code launch-template/*}, and the operation then refuses the unknown name.
     */
    List<String> arns(RequestContext ctx, ObjectNode input) {
        String id = input.path("LaunchTemplateId").asText(null);
        String name = input.path("LaunchTemplateName").asText(null);
        if (id == null && name != null) {
            Ec2Region region = Ec2Region.of(store, ctx);
            synchronized (region) {
                id = region.launchTemplates.values().stream().filter(t -> t.name.equals(name)).map(t -> t.id)
                        .findFirst().orElse("*");
            }
        }
        return id == null ? List.of() : List.of(ctx.arn("ec2", "launch-template/" + id));
    }

    /** Answers {@link DescribeLaunchTemplate} for Auto Scaling. */
    private DescribeLaunchTemplate.Result lookup(DescribeLaunchTemplate q) {
        ObjectNode spec = Json.object();
        if (q.launchTemplateId() != null) {
            spec.put("LaunchTemplateId", q.launchTemplateId());
        }
        if (q.launchTemplateName() != null) {
            spec.put("LaunchTemplateName", q.launchTemplateName());
        }
        Ec2Region region = store.get(q.accountId(), q.region());
        synchronized (region) {
            try {
                LaunchTemplate t = LaunchTemplates.find(region, new Params(spec, Params.EC2));
                LaunchTemplates.version(t, q.version());
                return new DescribeLaunchTemplate.Result(t.id, t.name, null);
            } catch (AwsException e) {
                return new DescribeLaunchTemplate.Result(null, null, e.code() + ": " + e.getMessage());
            }
        }
    }

    /** {@code LaunchTemplateData}: required, and a template of no parameters at all is refused. */
    private static ObjectNode data(Params p) {
        JsonNode data = p.node("LaunchTemplateData");
        if (data == null || !data.isObject() || data.isEmpty()) {
            throw p.errors().missing("LaunchTemplateData");
        }
        return ((ObjectNode) data).deepCopy();
    }

    private static Long longValue(Params p, String name) {
        Integer v = p.integer(name);
        return v == null ? null : v.longValue();
    }
}
