package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.messages.InvokeFunction;

/**
 * Lambda's side of {@link InvokeFunction}: a service principal (EventBridge for a rule's target) invokes a function
 * asynchronously. As on AWS the function's resource policy must allow that principal, with the statement's
 * {@code SourceArn} and {@code SourceAccount} conditions met; otherwise the invocation is refused.
 */
final class InvokeFunctionHandler {
    private final FunctionRegistry functions;
    private final Invoker invoker;

    private final Ids ids;

    InvokeFunctionHandler(FunctionRegistry functions, Invoker invoker, Ids ids) {
        this.ids = ids;
        this.functions = functions;
        this.invoker = invoker;
    }

    InvokeFunction.Result handle(InvokeFunction request) {
        try {
            FunctionRef ref = FunctionRef.parse(request.functionArn());
            String account = ref.accountId() != null ? ref.accountId() : request.accountId();
            String region = ref.region() != null ? ref.region() : request.region();
            LambdaFunction function = functions.require(account, region, ref.name(), ref.qualifier());
            if (!function.policy().allowsService(request.principal(), function.arn(), request.sourceArn(),
                    request.sourceAccount())) {
                throw LambdaErrors.accessDenied(request.principal(), "lambda:InvokeFunction", function.arn());
            }
            byte[] payload = request.payload() == null || request.payload().length == 0
                    ? "{}".getBytes() : request.payload();
            if (payload.length > InvokeOperation.MAX_ASYNC_PAYLOAD) {
                throw InvokeOperation.tooLarge(InvokeOperation.MAX_ASYNC_PAYLOAD);
            }
            String requestId = ids.uuid("invocation");
            invoker.invokeAsync(function, requestId, request.principal(), payload, null);
            return InvokeFunction.Result.accepted(requestId);
        } catch (AwsException e) {
            return InvokeFunction.Result.refused(e.code(), e.getMessage());
        }
    }
}
