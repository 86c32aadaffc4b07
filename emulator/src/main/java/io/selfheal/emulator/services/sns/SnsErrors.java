package io.selfheal.emulator.services.sns;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.Params;

/** SNS's error codes and wording (the codes the SDK maps to NotFoundException, InvalidParameterException …). */
final class SnsErrors {
    /** Missing members are a model validation error; bad values are SNS's own InvalidParameter. */
    static final Params.Errors PARAMS = new Params.Errors() {
        @Override
        public AwsException missing(String name) {
            return Params.QUERY.missing(name);
        }

        @Override
        public AwsException invalid(String name, String value, String constraint) {
            return invalidParameter(name);
        }
    };

    private SnsErrors() {
    }

    static AwsException invalidParameter(String what) {
        return AwsException.badRequest("InvalidParameter", "Invalid parameter: " + what);
    }

    static AwsException invalidParameter(String what, String reason) {
        return invalidParameter(what + " Reason: " + reason);
    }

    /** Bad message attributes: the SDK's InvalidParameterValueException. */
    static AwsException parameterValueInvalid(String message) {
        return AwsException.badRequest("ParameterValueInvalid", message);
    }

    static AwsException topicNotFound() {
        return AwsException.notFound("NotFound", "Topic does not exist");
    }

    static AwsException subscriptionNotFound() {
        return AwsException.notFound("NotFound", "Subscription does not exist");
    }

    static AwsException resourceNotFound() {
        return AwsException.notFound("ResourceNotFound", "Resource does not exist");
    }

    static AwsException authorizationError(String message) {
        return new AwsException("AuthorizationError", message, 403);
    }
}
