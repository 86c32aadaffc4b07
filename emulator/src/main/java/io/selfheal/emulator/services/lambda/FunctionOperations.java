package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;
import io.selfheal.emulator.services.lambda.runtime.SandboxPool;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creating, reading, updating and deleting functions. Deleting or changing a function ends its sandboxes (their
 * processes are gone when the call returns); the next invocation starts fresh ones.
 */
final class FunctionOperations {
    private final EmulatorContext context;
    private final FunctionRegistry functions;
    private final FunctionRuntime runtime;

    FunctionOperations(EmulatorContext context, FunctionRegistry functions, FunctionRuntime runtime) {
        this.context = context;
        this.functions = functions;
        this.runtime = runtime;
    }

    JsonNode create(RequestContext ctx, ObjectNode input) {
        Params p = params(input);
        String name = functionNameToCreate(ctx, p.required("FunctionName"));
        FunctionConfig config = FunctionConfig.forCreate(p, today(ctx));
        ExecutionRoleCheck.require(context.bus(), ctx, config);
        PackageSource source = PackageSource.of(p.child("Code"), "code.", "CreateFunction");
        if (functions.find(ctx.accountId(), ctx.region(), name) != null) {
            throw exists(name);
        }
        runtime.requireAvailable(config.runtime());
        FunctionCode code = source.extract(runtime, config.runtime(), context.bus(), ctx);
        FunctionCredentials credentials = FunctionCredentials.issue(context.ids(), config, name);
        LambdaFunction function = new LambdaFunction(ctx.accountId(), ctx.region(), name,
                new FunctionRevision(config, code, credentials, ctx.receivedAt(), context.ids().uuid("revision")), tags(p));
        if (!functions.add(function)) {
            code.delete();
            throw exists(name);
        }
        credentials.register(context.identities());
        return FunctionJson.configuration(function);
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        return FunctionJson.function(require(ctx, input));
    }

    JsonNode getConfiguration(RequestContext ctx, ObjectNode input) {
        return FunctionJson.configuration(require(ctx, input));
    }

    JsonNode list(RequestContext ctx, ObjectNode input) {
        Params p = params(input);
        int maxItems = p.integer("MaxItems", 50);
        if (maxItems < 1 || maxItems > 10000) {
            throw LambdaErrors.validation("maxItems", Integer.toString(maxItems),
                    maxItems < 1 ? "Member must have value greater than or equal to 1"
                            : "Member must have value less than or equal to 10000");
        }
        String marker = p.string("Marker");
        List<LambdaFunction> all = functions.list(ctx.accountId(), ctx.region());
        int from = 0;
        if (marker != null) {
            while (from < all.size() && all.get(from).name().compareTo(marker) < 0) {
                from++;
            }
        }
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("Functions");
        int to = Math.min(all.size(), from + maxItems);
        for (LambdaFunction f : all.subList(from, to)) {
            list.add(FunctionJson.configuration(f));
        }
        if (to < all.size()) {
            out.put("NextMarker", all.get(to).name());
        }
        return out;
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        LambdaFunction function = require(ctx, input);
        if (functions.remove(function)) {
            SandboxPool pool = function.delete();
            if (pool != null) {
                pool.close();
            }
            FunctionRevision r = function.revision();
            r.credentials().unregister(context.identities());
            r.code().delete();
        }
        return null;
    }

    JsonNode updateCode(RequestContext ctx, ObjectNode input) {
        Params p = params(input);
        LambdaFunction function = require(ctx, input);
        FunctionRevision old = function.revision();
        PackageSource source = PackageSource.of(p, "", "UpdateFunctionCode");
        FunctionConfig.requireUpdatable(old.config().runtime(), today(ctx));
        runtime.requireAvailable(old.config().runtime());
        FunctionCode code = source.extract(runtime, old.config().runtime(), context.bus(), ctx);
        replace(function, new FunctionRevision(old.config(), code, old.credentials(), ctx.receivedAt(), context.ids().uuid("revision")));
        old.code().delete();
        return FunctionJson.configuration(function);
    }

    JsonNode updateConfiguration(RequestContext ctx, ObjectNode input) {
        Params p = params(input);
        LambdaFunction function = require(ctx, input);
        FunctionRevision old = function.revision();
        FunctionConfig config = old.config().updatedBy(p, today(ctx));
        runtime.requireAvailable(config.runtime());
        FunctionCredentials credentials = old.credentials();
        boolean newRole = !config.role().equals(old.config().role());
        if (newRole) {
            ExecutionRoleCheck.require(context.bus(), ctx, config);
        }
        if (newRole) {
            credentials = FunctionCredentials.issue(context.ids(), config, function.name());
            credentials.register(context.identities());
        }
        replace(function, new FunctionRevision(config, old.code(), credentials, ctx.receivedAt(), context.ids().uuid("revision")));
        if (newRole) {
            old.credentials().unregister(context.identities());
        }
        return FunctionJson.configuration(function);
    }

    /** Makes the revision current and ends the old sandboxes, as AWS retires environments of the old code. */
    private static void replace(LambdaFunction function, FunctionRevision next) {
        SandboxPool old = function.replace(next);
        if (old != null) {
            old.close();
        }
    }

    private static LocalDate today(RequestContext ctx) {
        return LocalDate.ofInstant(ctx.receivedAt(), ZoneOffset.UTC);
    }

    private LambdaFunction require(RequestContext ctx, ObjectNode input) {
        Params p = params(input);
        return functions.requireOwned(ctx, FunctionRef.parse(p.string("FunctionName")), p.string("Qualifier"));
    }

    /** CreateFunction takes a name or an ARN of this account and region. */
    private static String functionNameToCreate(RequestContext ctx, String value) {
        if (FunctionRef.isPlainName(value)) {
            return value;
        }
        FunctionRef ref = FunctionRef.parse(value);
        if ((ref.accountId() != null && !ref.accountId().equals(ctx.accountId()))
                || (ref.region() != null && !ref.region().equals(ctx.region())) || ref.qualifier() != null) {
            throw LambdaErrors.invalidParameter("The function name " + value
                    + " must name a function of this account and region, without a qualifier.");
        }
        return ref.name();
    }

    private static Map<String, String> tags(Params p) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode node = p.node("Tags");
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        }
        return tags;
    }

    private static AwsException exists(String name) {
        return LambdaErrors.conflict("Function already exist: " + name);
    }

    static Params params(ObjectNode input) {
        return new Params(input, Params.VALIDATION_EXCEPTION);
    }
}
