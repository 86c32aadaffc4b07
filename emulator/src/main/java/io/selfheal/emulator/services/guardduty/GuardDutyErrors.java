package io.selfheal.emulator.services.guardduty;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.Params;

/**
 * GuardDuty's errors: every refusal is a 400 {@code BadRequestException} (the {@code x-amzn-ErrorType} header, which
 * the SDKs and the CLI read) whose body says {@code message} and {@code __type: InvalidInputException}, as GuardDuty
 * answers (e.g. {@code {"message":"The request is rejected because the parameter detectorId has an invalid
 * value.","__type":"InvalidInputException"}}).
 */
final class GuardDutyErrors {
    static final Params.Errors PARAMS = new Params.Errors() {
        @Override
        public AwsException missing(String name) {
            return badRequest("The request is rejected because the input is missing the required parameter "
                    + lowerFirst(name) + ".");
        }

        @Override
        public AwsException invalid(String name, String value, String constraint) {
            return invalidValue(lowerFirst(name));
        }
    };

    private GuardDutyErrors() {
    }

    static AwsException badRequest(String message) {
        return AwsException.badRequest("BadRequestException", message).withJsonType("InvalidInputException");
    }

    static AwsException invalidValue(String parameter) {
        return badRequest("The request is rejected because the parameter " + parameter + " has an invalid value.");
    }

    /** A detector id of another account or region, or none at all: GuardDuty words both the same. */
    static AwsException noDetector() {
        return badRequest("The request is rejected because the input detectorId is not owned by the current "
                + "account.");
    }

    private static String lowerFirst(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
