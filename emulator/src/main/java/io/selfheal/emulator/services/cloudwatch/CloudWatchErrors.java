package io.selfheal.emulator.services.cloudwatch;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.Operation;
import java.util.Map;

/**
 * CloudWatch's error codes, and their shape names for its AWS JSON protocol. The model is query-compatible: over JSON
 * the body's {@code __type} names the error shape ({@code InvalidParameterValueException}) while
 * {@code x-amzn-query-error} carries the query code ({@code InvalidParameterValue;Sender}), from which SDKs take the
 * code they report. Shape names are those of the CloudWatch service model.
 */
final class CloudWatchErrors {
    private static final Map<String, String> JSON_TYPES = Map.of(
            "InvalidParameterValue", "InvalidParameterValueException",
            "InvalidParameterCombination", "InvalidParameterCombinationException",
            "MissingParameter", "MissingRequiredParameterException",
            "InvalidFormat", "InvalidFormatFault",
            "LimitExceeded", "LimitExceededFault",
            "InternalServiceError", "InternalServiceFault");

    private CloudWatchErrors() {
    }

    static AwsException invalidValue(String message) {
        return AwsException.badRequest("InvalidParameterValue", message);
    }

    static AwsException combination(String message) {
        return AwsException.badRequest("InvalidParameterCombination", message);
    }

    /** Gives every error the operation throws its JSON shape name; codes without a modelled shape keep the code. */
    static Operation jsonTyped(Operation operation) {
        return (ctx, input) -> {
            try {
                return operation.handle(ctx, input);
            } catch (AwsException e) {
                String type = JSON_TYPES.get(e.code());
                throw type == null ? e : e.withJsonType(type);
            }
        };
    }

    /** A NextToken this service did not hand out. */
    static AwsException invalidNextToken(String token) {
        return AwsException.badRequest("InvalidNextToken", "The service couldn't process the token: " + token);
    }
}
