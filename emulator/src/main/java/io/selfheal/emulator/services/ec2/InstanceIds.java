package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Reads {@code InstanceId.N} and resolves the ids, refusing as EC2 does: malformed ids first, then unknown ones. */
final class InstanceIds {
    /** Old 8-digit and current 17-digit instance ids. */
    private static final Pattern SHAPE = Pattern.compile("i-([0-9a-f]{8}|[0-9a-f]{17})");

    private InstanceIds() {
    }

    static boolean wellFormed(String id) {
        return SHAPE.matcher(id).matches();
    }

    /** The ids of {@code InstanceId.N}, deduplicated in request order; MissingParameter when there are none. */
    static List<String> required(Params params) {
        List<String> ids = optional(params);
        if (ids.isEmpty()) {
            throw params.errors().missing("InstanceId");
        }
        return ids;
    }

    static List<String> optional(Params params) {
        return new ArrayList<>(new LinkedHashSet<>(params.strings("InstanceId")));
    }

    /** The instances, or the error EC2 gives for the first malformed id or for all unknown ones together. */
    static List<Instance> resolve(Ec2Region region, List<String> ids) {
        for (String id : ids) {
            if (!wellFormed(id)) {
                throw Ec2Errors.instanceIdMalformed(id);
            }
        }
        List<Instance> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Instance instance = region.get(id);
            if (instance == null) {
                missing.add(id);
            } else {
                found.add(instance);
            }
        }
        if (!missing.isEmpty()) {
            throw Ec2Errors.instanceNotFound(missing);
        }
        return found;
    }
}
