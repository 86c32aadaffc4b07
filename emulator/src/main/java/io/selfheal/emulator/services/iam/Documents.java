package io.selfheal.emulator.services.iam;

import io.selfheal.emulator.core.policy.MalformedPolicyDocumentException;
import io.selfheal.emulator.core.policy.PolicyDocument;
import io.selfheal.emulator.core.policy.PolicyKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Policy documents in and out of IAM: parsed with the engine's grammar (IAM's MalformedPolicyDocument on refusal),
 * and returned URL-encoded, as IAM returns every policy document (RFC 3986: {@code %20} for a space, which the AWS
 * CLI and boto3 decode and the SDKs leave to the caller).
 */
final class Documents {
    /** IAM's quotas: "IAM and AWS STS quotas". */
    static final int MAX_MANAGED = 6144;
    static final int MAX_TRUST = 2048;

    private Documents() {
    }

    static PolicyDocument parse(String text, PolicyKind kind, int maxLength) {
        if (text.length() > maxLength) {
            throw IamErrors.limitExceeded("Cannot exceed quota for " + (kind == PolicyKind.TRUST
                    ? "ACLSizePerRole" : "PolicySize") + ": " + maxLength);
        }
        try {
            return PolicyDocument.parse(text, kind);
        } catch (MalformedPolicyDocumentException e) {
            throw IamErrors.malformed(e.getMessage());
        }
    }

    static String encoded(PolicyDocument document) {
        return URLEncoder.encode(document.text(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
