package io.selfheal.emulator.services.logs;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.Params;

/**
 * CloudWatch Logs' errors. Unlike EventBridge, Logs reports model validation failures as
 * {@code InvalidParameterException} (with the usual "1 validation error detected" wording), and every error is a 400.
 */
final class LogsErrors {
    static final String INVALID_PARAMETER = "InvalidParameterException";

    static final Params.Errors PARAMS = new Params.Errors() {
        @Override
        public AwsException missing(String name) {
            return LogsErrors.invalid("1 validation error detected: Value null at '" + name
                    + "' failed to satisfy constraint: Member must not be null");
        }

        @Override
        public AwsException invalid(String name, String value, String constraint) {
            return LogsErrors.invalid("1 validation error detected: Value '" + value + "' at '" + name
                    + "' failed to satisfy constraint: " + constraint);
        }
    };

    private LogsErrors() {
    }

    static AwsException invalid(String message) {
        return AwsException.badRequest(INVALID_PARAMETER, message);
    }

    static AwsException groupNotFound() {
        return AwsException.badRequest("ResourceNotFoundException", "The specified log group does not exist.");
    }

    static AwsException streamNotFound() {
        return AwsException.badRequest("ResourceNotFoundException", "The specified log stream does not exist.");
    }

    static AwsException groupExists() {
        return AwsException.badRequest("ResourceAlreadyExistsException", "The specified log group already exists");
    }

    static AwsException streamExists() {
        return AwsException.badRequest("ResourceAlreadyExistsException", "The specified log stream already exists");
    }

    static AwsException invalidToken() {
        return invalid("The specified nextToken is invalid.");
    }

    static AwsException limitExceeded(String message) {
        return AwsException.badRequest("LimitExceededException", message);
    }
}
