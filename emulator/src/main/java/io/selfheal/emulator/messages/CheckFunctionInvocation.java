package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;

/**
 * A service principal asks Lambda whether it <em>could</em> invoke a function, without invoking it: Lambda's
 * {@code InvocationType=DryRun} for a service. AWS Config asks it when a custom rule is put, as AWS refuses a rule
 * whose function is missing or whose resource policy does not allow {@code config.amazonaws.com}. Lambda answers as
 * for {@link InvokeFunction} (its {@code requestId} is null).
 *
 * @param accountId     the account of the caller
 * @param region        the region of the caller
 * @param functionArn   the function (name, ARN or qualified ARN)
 * @param principal     the calling service principal, e.g. {@code config.amazonaws.com}
 * @param sourceArn     the ARN of the calling resource, e.g. the Config rule ARN
 * @param sourceAccount the account that owns the source resource
 */
public record CheckFunctionInvocation(String accountId, String region, String functionArn, String principal,
                                      String sourceArn, String sourceAccount)
        implements BusRequest<InvokeFunction.Result> {
}
