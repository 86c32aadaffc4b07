package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.services.lambda.esm.MappedFunctions;
import java.util.concurrent.CompletableFuture;

/**
 * The functions as event source mappings see them: looked up by name or ARN, invoked synchronously, their execution
 * roles asked what the poller does as them.
 */
final class MappedFunctionsView implements MappedFunctions {
    private final FunctionRegistry functions;
    private final Invoker invoker;
    private final Ids ids;
    private final Authorization authorization;

    MappedFunctionsView(FunctionRegistry functions, Invoker invoker, Ids ids, Authorization authorization) {
        this.functions = functions;
        this.invoker = invoker;
        this.ids = ids;
        this.authorization = authorization;
    }

    /** What the decision log says acted with the execution role. */
    static final String ORIGIN = "lambda:event-source-mapping";

    @Override
    public boolean roleMay(String functionArn, String action, String resourceArn) {
        LambdaFunction f = lookup(null, null, functionArn);
        return authorization.permits(f.revision().credentials().identity(), action, resourceArn, ORIGIN);
    }

    @Override
    public Function find(String accountId, String region, String functionName) {
        LambdaFunction f = lookup(accountId, region, functionName);
        return new Function(f.arn(), f.revision().config().timeout());
    }

    @Override
    public CompletableFuture<Outcome> invoke(String functionArn, String invokedBy, byte[] payload) {
        try {
            LambdaFunction f = lookup(null, null, functionArn);
            return invoker.invoke(f, ids.uuid("invocation"), "RequestResponse", invokedBy, payload, null)
                    .thenApply(r -> new Outcome(r.errorType(), r.payloadText()));
        } catch (AwsException e) {
            return CompletableFuture.completedFuture(new Outcome(e.code(), e.getMessage()));
        }
    }

    private LambdaFunction lookup(String accountId, String region, String functionName) {
        FunctionRef ref = FunctionRef.parse(functionName);
        return functions.require(ref.accountId() != null ? ref.accountId() : accountId,
                ref.region() != null ? ref.region() : region, ref.name(), ref.qualifier());
    }
}
