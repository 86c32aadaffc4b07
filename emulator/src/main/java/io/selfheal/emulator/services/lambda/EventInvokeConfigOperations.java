package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.messages.ArnTargets;
import io.selfheal.emulator.service.Params;
import java.util.EnumSet;
import java.util.Set;

/**
 * Put/Update/Get/List/DeleteFunctionEventInvokeConfig. Put replaces the whole configuration (what it omits is back
 * to Lambda's default); Update changes only what it names and needs one to exist.
 * https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionEventInvokeConfig.html
 */
final class EventInvokeConfigOperations {
    /** What an asynchronous invocation record can be sent to. */
    private static final Set<ArnTargets.Kind> DESTINATIONS = EnumSet.of(ArnTargets.Kind.QUEUE,
            ArnTargets.Kind.TOPIC, ArnTargets.Kind.FUNCTION, ArnTargets.Kind.EVENT_BUS);

    private final FunctionRegistry functions;

    EventInvokeConfigOperations(FunctionRegistry functions) {
        this.functions = functions;
    }

    JsonNode put(RequestContext ctx, ObjectNode input) {
        Params p = FunctionOperations.params(input);
        LambdaFunction f = require(ctx, p);
        EventInvokeConfig config = new EventInvokeConfig(retries(p), maxAge(p), destination(f, p, "OnSuccess"),
                destination(f, p, "OnFailure"), ctx.receivedAt());
        f.eventInvokeConfig(config);
        return config.json(f);
    }

    JsonNode update(RequestContext ctx, ObjectNode input) {
        Params p = FunctionOperations.params(input);
        LambdaFunction f = require(ctx, p);
        EventInvokeConfig old = existing(f);
        Params destinations = p.child("DestinationConfig");
        EventInvokeConfig config = new EventInvokeConfig(
                p.has("MaximumRetryAttempts") ? retries(p) : old.maximumRetryAttempts(),
                p.has("MaximumEventAgeInSeconds") ? maxAge(p) : old.maximumEventAgeInSeconds(),
                destinations != null && destinations.has("OnSuccess") ? destination(f, p, "OnSuccess")
                        : old.onSuccess(),
                destinations != null && destinations.has("OnFailure") ? destination(f, p, "OnFailure")
                        : old.onFailure(),
                ctx.receivedAt());
        f.eventInvokeConfig(config);
        return config.json(f);
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        LambdaFunction f = require(ctx, FunctionOperations.params(input));
        return existing(f).json(f);
    }

    JsonNode list(RequestContext ctx, ObjectNode input) {
        Params p = FunctionOperations.params(input);
        int maxItems = p.integer("MaxItems", 50);
        if (maxItems < 1 || maxItems > 50) {
            throw LambdaErrors.validation("maxItems", Integer.toString(maxItems), maxItems < 1
                    ? "Member must have value greater than or equal to 1"
                    : "Member must have value less than or equal to 50");
        }
        LambdaFunction f = require(ctx, p);
        ObjectNode out = Json.object();
        var list = out.putArray("FunctionEventInvokeConfigs");
        EventInvokeConfig config = f.eventInvokeConfig();
        if (config != null) {
            list.add(config.json(f)); // only $LATEST exists, so at most one
        }
        return out;
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        LambdaFunction f = require(ctx, FunctionOperations.params(input));
        existing(f);
        f.eventInvokeConfig(null);
        return null;
    }

    private LambdaFunction require(RequestContext ctx, Params p) {
        return functions.requireOwned(ctx, FunctionRef.parse(p.required("FunctionName")), p.string("Qualifier"));
    }

    private static EventInvokeConfig existing(LambdaFunction f) {
        EventInvokeConfig config = f.eventInvokeConfig();
        if (config == null) {
            throw AwsException.notFound("ResourceNotFoundException",
                    "The function " + f.arn() + ":$LATEST doesn't have an EventInvokeConfig");
        }
        return config;
    }

    private static Integer retries(Params p) {
        return within(p, "MaximumRetryAttempts", "maximumRetryAttempts", 0, 2);
    }

    private static Integer maxAge(Params p) {
        return within(p, "MaximumEventAgeInSeconds", "maximumEventAgeInSeconds", 60, 21_600);
    }

    private static Integer within(Params p, String name, String field, int min, int max) {
        Integer value = p.integer(name);
        if (value != null && value < min) {
            throw LambdaErrors.validation(field, value.toString(),
                    "Member must have value greater than or equal to " + min);
        }
        if (value != null && value > max) {
            throw LambdaErrors.validation(field, value.toString(),
                    "Member must have value less than or equal to " + max);
        }
        return value;
    }

    /** A destination must be a queue, topic, function (not this one) or event bus. */
    private static String destination(LambdaFunction f, Params p, String which) {
        Params config = p.child("DestinationConfig");
        Params side = config == null ? null : config.child(which);
        String arn = side == null ? null : side.string("Destination");
        if (arn == null || arn.isEmpty()) {
            return null;
        }
        ArnTargets.Target target = ArnTargets.parse(arn);
        if (target == null || !DESTINATIONS.contains(target.kind())) {
            throw LambdaErrors.invalidParameter("The destination ARN " + arn + " is invalid: a destination is an "
                    + "Amazon SQS queue, Amazon SNS topic, Lambda function or EventBridge event bus.");
        }
        if (target.kind() == ArnTargets.Kind.FUNCTION && target.name().equals(f.name())
                && f.accountId().equals(target.account()) && f.region().equals(target.region())) {
            throw LambdaErrors.invalidParameter("You can't specify the function as a destination for itself.");
        }
        return arn;
    }
}
