package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.Params;
import java.util.List;

/** EC2's error codes and wording ("Error codes for the Amazon EC2 API", and messages as EC2 answers them). */
final class Ec2Errors {
    private Ec2Errors() {
    }

    /**
     * A call with {@code DryRun=true} that passed validation answers DryRunOperation, HTTP 412 (Precondition Failed):
     * "If you have the required permissions, the error response is DryRunOperation" (every mutating action's
     * reference). Called after ids are resolved, so a dry run still reports malformed or unknown ids.
     */
    static void checkDryRun(Params p) {
        if (p.bool("DryRun", false)) {
            throw new AwsException("DryRunOperation", "Request would have succeeded, but DryRun flag is set.", 412);
        }
    }

    static AwsException instanceNotFound(List<String> ids) {
        return ids.size() == 1
                ? AwsException.badRequest("InvalidInstanceID.NotFound",
                        "The instance ID '" + ids.get(0) + "' does not exist")
                : AwsException.badRequest("InvalidInstanceID.NotFound",
                        "The instance IDs '" + String.join(", ", ids) + "' do not exist");
    }

    static AwsException instanceIdMalformed(String id) {
        return AwsException.badRequest("InvalidInstanceID.Malformed", "Invalid id: \"" + id + "\" (expecting \"i-...\")");
    }

    static AwsException amiIdMalformed(String id) {
        return AwsException.badRequest("InvalidAMIID.Malformed", "Invalid id: \"" + id + "\" (expecting \"ami-...\")");
    }

    static AwsException incorrectState(String message) {
        return AwsException.badRequest("IncorrectInstanceState", message);
    }

    static AwsException invalidParameter(String message) {
        return AwsException.badRequest("InvalidParameterValue", message);
    }

    static AwsException invalidCombination(String message) {
        return AwsException.badRequest("InvalidParameterCombination", message);
    }
}
