package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.messages.CheckFunctionInvocation;
import io.selfheal.emulator.messages.InvokeFunction;

/**
 * Lambda's side of {@link InvokeFunction}: a service principal (EventBridge for a rule's target) invokes a function
 * asynchronously. As on AWS the function's resource policy must allow that principal, with the statement's
 * {@code SourceArn} and {@code SourceAccount} conditions met; otherwise the invocation is refused.
 */
final class InvokeFunctionHandler {
    private final FunctionRegistry functions;
    private final AsyncEventQueue queue;
    private final Ids ids;

    InvokeFunctionHandler(FunctionRegistry functions, AsyncEventQueue queue, Ids ids) {
        this.ids = ids;
        this.functions = functions;
        this.queue = queue;
    }

    InvokeFunction.Result handle(InvokeFunction request) {
        try {
            LambdaFunction function = permitted(request.accountId(), request.region(), request.functionArn(),
                    request.principal(), request.sourceArn(), request.sourceAccount());
            byte[] payload = request.payload() == null || request.payload().length == 0
                    ? "{}".getBytes() : request.payload();
            if (payload.length > InvokeOperation.MAX_ASYNC_PAYLOAD) {
                throw InvokeOperation.tooLarge(InvokeOperation.MAX_ASYNC_PAYLOAD);
            }
            String requestId = ids.uuid("invocation");
            queue.accept(function, requestId, request.principal(), payload, null);
            return InvokeFunction.Result.accepted(requestId);
        } catch (AwsException e) {
            return InvokeFunction.Result.refused(e.code(), e.getMessage());
        }
    }

    /** The checks of {@link #handle(InvokeFunction)} without the invocation ({@code DryRun}). */
    InvokeFunction.Result check(CheckFunctionInvocation request) {
        try {
            permitted(request.accountId(), request.region(), request.functionArn(), request.principal(),
                    request.sourceArn(), request.sourceAccount());
            return InvokeFunction.Result.accepted(null);
        } catch (AwsException e) {
            return InvokeFunction.Result.refused(e.code(), e.getMessage());
        }
    }

    private LambdaFunction permitted(String accountId, String region, String functionArn, String principal,
                                     String sourceArn, String sourceAccount) {
        FunctionRef ref = FunctionRef.parse(functionArn);
        String account = ref.accountId() != null ? ref.accountId() : accountId;
        String inRegion = ref.region() != null ? ref.region() : region;
        LambdaFunction function = functions.require(account, inRegion, ref.name(), ref.qualifier());
        if (!function.policy().allowsService(principal, function.arn(), sourceArn, sourceAccount)) {
            throw LambdaErrors.accessDenied(principal, "lambda:InvokeFunction", function.arn());
        }
        return function;
    }
}
