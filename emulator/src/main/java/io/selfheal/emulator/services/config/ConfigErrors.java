package io.selfheal.emulator.services.config;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.Params;

/**
 * AWS Config's errors, in the codes of its API reference
 * (https://docs.aws.amazon.com/config/latest/APIReference/CommonErrors.html and each operation's Errors section).
 */
final class ConfigErrors {
    /** Config's model validation answers {@code ValidationException}, like the other JSON services. */
    static final Params.Errors PARAMS = Params.VALIDATION_EXCEPTION;

    private ConfigErrors() {
    }

    static AwsException invalidParameter(String message) {
        return AwsException.badRequest("InvalidParameterValueException", message);
    }

    static AwsException validation(String message) {
        return AwsException.badRequest("ValidationException", message);
    }

    static AwsException noSuchRule(String name) {
        return AwsException.badRequest("NoSuchConfigRuleException", "The ConfigRule '" + name
                + "' provided in the request is invalid. Please check the configRule name.");
    }

    static AwsException noRecorder() {
        return AwsException.badRequest("NoAvailableConfigurationRecorderException",
                "Configuration recorder is not available to put config rule.");
    }

    static AwsException insufficientPermissions(String message) {
        return AwsException.badRequest("InsufficientPermissionsException", message);
    }

    static AwsException invalidResultToken() {
        return AwsException.badRequest("InvalidResultTokenException", "The resultToken provided is invalid");
    }

    static AwsException invalidNextToken(String token) {
        return AwsException.badRequest("InvalidNextTokenException",
                "The nextToken provided is invalid: " + token);
    }

    static AwsException noSuchRemediation(String ruleName) {
        return AwsException.badRequest("NoSuchRemediationConfigurationException",
                "No RemediationConfiguration for rule exists: " + ruleName);
    }

    static AwsException limitExceeded(String message) {
        return AwsException.badRequest("MaxNumberOfConfigRulesExceededException", message);
    }
}
