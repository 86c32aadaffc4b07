package io.selfheal.emulator.services.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorClock;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * CreateTrail, GetTrail, DescribeTrails, ListTrails, DeleteTrail, StartLogging, StopLogging and GetTrailStatus
 * (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Operations.html). A trail is made stopped, as on
 * AWS when created through the API. Trails name a trail by name or ARN.
 */
final class TrailOperations {
    /** Letters, digits, '.', '_', '-'; begins and ends with a letter or digit; 3–128; no two of . _ - adjacent. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|[._-](?![._-])){1,126}[A-Za-z0-9]");
    private static final Pattern IP = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    /** One region's trails by name. */
    static final class Trails {
        final Map<String, Trail> byName = new ConcurrentHashMap<>();
    }

    private final RegionalStore<Trails> trails;
    private final InternalBus bus;
    private final EmulatorClock clock;
    private final Ids ids;

    TrailOperations(RegionalStore<Trails> trails, InternalBus bus, EmulatorClock clock, Ids ids) {
        this.trails = trails;
        this.bus = bus;
        this.clock = clock;
        this.ids = ids;
    }

    JsonNode createTrail(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.VALIDATION_EXCEPTION);
        String name = p.required("Name");
        String bucket = p.required("S3BucketName");
        if (!NAME.matcher(name).matches() || IP.matcher(name).matches()) {
            throw AwsException.badRequest("InvalidTrailNameException", "Trail name must start with a letter or "
                    + "number, end with a letter or number, be between 3 and 128 characters, contain only letters, "
                    + "numbers, periods, underscores and dashes, and have no adjacent periods, underscores or dashes: "
                    + name);
        }
        Trails region = trails.get(ctx);
        if (region.byName.containsKey(name)) {
            throw alreadyExists(ctx, name);
        }
        DeliveryBucketCheck.check(bus, bucket);
        String given = p.string("S3KeyPrefix");
        String prefix = given == null || given.isEmpty() ? null : given;
        Trail trail = new Trail(name, ctx.arn("cloudtrail", "trail/" + name), ctx.region(), bucket, prefix,
                p.bool("IsMultiRegionTrail", false), p.bool("IncludeGlobalServiceEvents", true),
                p.bool("EnableLogFileValidation", false),
                new LogFiles(ctx.accountId(), bucket, prefix, clock, bus, ids));
        if (region.byName.putIfAbsent(name, trail) != null) {
            throw alreadyExists(ctx, name);
        }
        return trail.created();
    }

    JsonNode getTrail(RequestContext ctx, ObjectNode input) {
        return Json.object().set("Trail", find(ctx, input).described());
    }

    JsonNode describeTrails(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.VALIDATION_EXCEPTION);
        ArrayNode list = Json.array();
        var wanted = p.strings("trailNameList");
        for (Trail t : trails.get(ctx).byName.values()) {
            if (wanted.isEmpty() || wanted.contains(t.name()) || wanted.contains(t.arn())) {
                list.add(t.described());
            }
        }
        return Json.object().set("trailList", list);
    }

    JsonNode listTrails(RequestContext ctx, ObjectNode input) {
        ArrayNode list = Json.array();
        trails.get(ctx).byName.values().forEach(t -> list.add(Json.object().put("TrailARN", t.arn())
                .put("Name", t.name()).put("HomeRegion", t.homeRegion())));
        return Json.object().set("Trails", list);
    }

    JsonNode deleteTrail(RequestContext ctx, ObjectNode input) {
        Trail trail = find(ctx, input);
        if (trails.get(ctx).byName.remove(trail.name(), trail)) {
            trail.logFiles().close();
        }
        return Json.object();
    }

    JsonNode startLogging(RequestContext ctx, ObjectNode input) {
        find(ctx, input).logging(true, ctx.receivedAt());
        return Json.object();
    }

    JsonNode stopLogging(RequestContext ctx, ObjectNode input) {
        find(ctx, input).logging(false, ctx.receivedAt());
        return Json.object();
    }

    JsonNode getTrailStatus(RequestContext ctx, ObjectNode input) {
        return find(ctx, input).status();
    }

    /** The trail a request names by {@code Name} (name or ARN): {@code TrailNotFoundException} when none. */
    private Trail find(RequestContext ctx, ObjectNode input) {
        String named = new Params(input, Params.VALIDATION_EXCEPTION).required("Name");
        Trails region = trails.get(ctx);
        Trail trail = named.startsWith("arn:") ? region.byName.values().stream()
                .filter(t -> t.arn().equals(named)).findFirst().orElse(null) : region.byName.get(named);
        if (trail == null) {
            String arn = named.startsWith("arn:") ? named : ctx.arn("cloudtrail", "trail/" + named);
            throw AwsException.badRequest("TrailNotFoundException",
                    "Unknown trail: " + arn + " for the user: " + ctx.accountId());
        }
        return trail;
    }

    private static AwsException alreadyExists(RequestContext ctx, String name) {
        return AwsException.badRequest("TrailAlreadyExistsException",
                "Trail " + name + " already exists for customer: " + ctx.accountId());
    }
}
