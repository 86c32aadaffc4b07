package io.selfheal.emulator.core.policy;

/** A policy document IAM would refuse; the message is AWS's text ({@code "Syntax errors in policy."}, …). */
public final class MalformedPolicyDocumentException extends RuntimeException {
    public MalformedPolicyDocumentException(String message) {
        super(message, null, false, false);
    }
}
