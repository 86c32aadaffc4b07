package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.AwsException;

/** Lambda's errors, in its own words. */
final class LambdaErrors {
    private LambdaErrors() {
    }

    static AwsException functionNotFound(String arn) {
        return AwsException.notFound("ResourceNotFoundException", "Function not found: " + arn);
    }

    static AwsException invalidParameter(String message) {
        return AwsException.badRequest("InvalidParameterValueException", message);
    }

    static AwsException conflict(String message) {
        return AwsException.conflict("ResourceConflictException", message);
    }

    static AwsException validation(String field, String value, String constraint) {
        return AwsException.badRequest("ValidationException", "1 validation error detected: Value '" + value
                + "' at '" + field + "' failed to satisfy constraint: " + constraint);
    }

    static AwsException accessDenied(String principal, String action, String resource) {
        return new AwsException("AccessDeniedException", "User: " + principal + " is not authorized to perform: "
                + action + " on resource: " + resource + " because no resource-based policy allows the " + action
                + " action", 403);
    }
}
