package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Params;

/**
 * Put/Get/DeleteFunctionConcurrency: a function's reserved concurrency.
 * https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionConcurrency.html
 */
final class ConcurrencyOperations {
    private final FunctionRegistry functions;
    private final ConcurrencyLimits limits;

    ConcurrencyOperations(FunctionRegistry functions, ConcurrencyLimits limits) {
        this.functions = functions;
        this.limits = limits;
    }

    JsonNode put(RequestContext ctx, ObjectNode input) {
        Params p = FunctionOperations.params(input);
        LambdaFunction f = require(ctx, p);
        Integer reserved = p.integer("ReservedConcurrentExecutions");
        if (reserved == null) {
            throw LambdaErrors.validation("reservedConcurrentExecutions", "null", "Member must not be null");
        }
        if (reserved < 0) {
            throw LambdaErrors.validation("reservedConcurrentExecutions", reserved.toString(),
                    "Member must have value greater than or equal to 0");
        }
        limits.reserve(f, reserved);
        return Json.object().put("ReservedConcurrentExecutions", reserved);
    }

    JsonNode get(RequestContext ctx, ObjectNode input) {
        Integer reserved = require(ctx, FunctionOperations.params(input)).reservedConcurrency();
        ObjectNode out = Json.object();
        if (reserved != null) {
            out.put("ReservedConcurrentExecutions", reserved);
        }
        return out;
    }

    JsonNode delete(RequestContext ctx, ObjectNode input) {
        limits.reserve(require(ctx, FunctionOperations.params(input)), null);
        return null;
    }

    private LambdaFunction require(RequestContext ctx, Params p) {
        return functions.requireOwned(ctx, FunctionRef.parse(p.required("FunctionName")), null);
    }
}
