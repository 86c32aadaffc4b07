package io.selfheal.emulator.protocol;

import io.selfheal.emulator.core.AccountsAndRegions;
import io.selfheal.emulator.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SigV4 credential scope of a request: {@code Credential=AKID/20250101/us-east-1/events/aws4_request}, from the
 * Authorization header or a presigned URL's {@code X-Amz-Credential}. Signatures are not checked.
 *
 * @param accessKeyId the access key id, or empty for unsigned requests
 * @param region      the scope's region, or null
 * @param service     the scope's signing name, or null
 */
public record SigV4Scope(String accessKeyId, String region, String service) {
    private static final Pattern CREDENTIAL =
            Pattern.compile("Credential=([^/,\\s]*)/([^/]*)/([^/]*)/([^/]*)/aws4_request");
    private static final SigV4Scope UNSIGNED = new SigV4Scope("", null, null);

    /** An unsigned request (no scope, the emulator's default region) or a scope naming a region of AWS's shape. */
    public boolean regionValid() {
        return region == null || region.isEmpty() || AccountsAndRegions.isRegion(region);
    }

    public static SigV4Scope of(HttpRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            Matcher m = CREDENTIAL.matcher(authorization);
            if (m.find()) {
                return new SigV4Scope(m.group(1), m.group(3), m.group(4));
            }
        }
        String presigned = request.query().get("X-Amz-Credential");
        if (presigned != null) {
            String[] parts = presigned.split("/");
            if (parts.length >= 4) {
                return new SigV4Scope(parts[0], parts[2], parts[3]);
            }
        }
        return UNSIGNED;
    }
}
