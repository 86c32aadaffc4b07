package io.selfheal.emulator.services.iam;

import io.selfheal.emulator.core.AwsException;

/** IAM's error codes and wording (IAM API Reference, "Common Errors" and each operation's Errors). */
final class IamErrors {
    private IamErrors() {
    }

    static AwsException noSuchEntity(String message) {
        return new AwsException("NoSuchEntity", message, 404);
    }

    static AwsException alreadyExists(String message) {
        return new AwsException("EntityAlreadyExists", message, 409);
    }

    static AwsException deleteConflict(String message) {
        return new AwsException("DeleteConflict", message, 409);
    }

    static AwsException limitExceeded(String message) {
        return new AwsException("LimitExceeded", message, 409);
    }

    static AwsException malformed(String message) {
        return AwsException.badRequest("MalformedPolicyDocument", message);
    }

    static AwsException invalidInput(String message) {
        return AwsException.badRequest("InvalidInput", message);
    }

    static AwsException noSuchRole(String name) {
        return noSuchEntity("The role with name " + name + " cannot be found.");
    }

    static AwsException noSuchUser(String name) {
        return noSuchEntity("The user with name " + name + " cannot be found.");
    }

    static AwsException noSuchPolicy(String arn) {
        return noSuchEntity("Policy " + arn + " was not found.");
    }

    static AwsException noSuchInstanceProfile(String name) {
        return noSuchEntity("Instance Profile " + name + " cannot be found.");
    }
}
