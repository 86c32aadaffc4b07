package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.core.policy.AuthorizationRequest;
import io.selfheal.emulator.core.policy.NamedPolicy;
import io.selfheal.emulator.core.policy.PolicyEvaluator;
import io.selfheal.emulator.core.policy.PolicySet;
import io.selfheal.emulator.core.policy.Principal;
import io.selfheal.emulator.messages.RoleLookup;
import java.util.Map;

/**
 * What Lambda checks of an execution role at CreateFunction and UpdateFunctionConfiguration, whatever the IAM mode
 * (AWS always checks): the role is in the function's account ({@code AccessDeniedException}, 403, "Cross-account
 * pass role is not allowed.") and exists with a trust policy that lets {@code lambda.amazonaws.com} assume it
 * ({@code InvalidParameterValueException}, "The role defined for the function cannot be assumed by Lambda.";
 * https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html). An emulator without IAM checks only
 * the account.
 */
final class ExecutionRoleCheck {
    static final String LAMBDA = "lambda.amazonaws.com";

    private ExecutionRoleCheck() {
    }

    static void require(InternalBus bus, RequestContext ctx, FunctionConfig config) {
        if (!config.roleAccount().equals(ctx.accountId())) {
            throw new AwsException("AccessDeniedException", "Cross-account pass role is not allowed.", 403);
        }
        RoleLookup.Result role;
        try {
            role = bus.ask(new RoleLookup(config.role()));
        } catch (NoHandlerException noIam) {
            return;
        }
        if (!role.exists() || !trustsLambda(role, ctx)) {
            throw LambdaErrors.invalidParameter("The role defined for the function cannot be assumed by Lambda.");
        }
    }

    private static boolean trustsLambda(RoleLookup.Result role, RequestContext ctx) {
        if (role.trustPolicy() == null) {
            return false;
        }
        Map<String, String> keys = Map.of("aws:SourceAccount", ctx.accountId());
        return PolicyEvaluator.evaluate(AuthorizationRequest.of(Principal.service(LAMBDA), "sts:AssumeRole",
                role.roleArn(), keys), PolicySet.resource(new NamedPolicy("trust", role.trustPolicy()),
                role.accountId())).allowed();
    }
}
