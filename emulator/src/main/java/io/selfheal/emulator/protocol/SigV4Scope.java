package io.selfheal.emulator.protocol;

import io.selfheal.emulator.core.AccountsAndRegions;
import io.selfheal.emulator.http.HttpRequest;

/**
 * The SigV4 credential scope of a request: {@code Credential=AKID/20250101/us-east-1/events/aws4_request}, from the
 * Authorization header or a presigned URL's {@code X-Amz-Credential}. Signatures are not checked.
 *
 * @param accessKeyId the access key id, or empty for unsigned requests
 * @param region      the scope's region, or null
 * @param service     the scope's signing name, or null
 */
public record SigV4Scope(String accessKeyId, String region, String service) {
    private static final String CREDENTIAL = "Credential=";
    private static final String TERMINATOR = "aws4_request";
    private static final SigV4Scope UNSIGNED = new SigV4Scope("", null, null);

    /** An unsigned request (no scope, the emulator's default region) or a scope naming a region of AWS's shape. */
    public boolean regionValid() {
        return region == null || region.isEmpty() || AccountsAndRegions.isRegion(region);
    }

    public static SigV4Scope of(HttpRequest request) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            SigV4Scope scope = fromAuthorization(authorization);
            if (scope != null) {
                return scope;
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

    /**
     * The first {@code Credential=KEY/DATE/REGION/SERVICE/aws4_request} in the header (the key stops at a '/', ','
     * or white space), or null. Read by hand: a regular expression here was a measurable part of every request.
     */
    private static SigV4Scope fromAuthorization(String header) {
        for (int at = header.indexOf(CREDENTIAL); at >= 0; at = header.indexOf(CREDENTIAL, at + 1)) {
            int key = at + CREDENTIAL.length();
            int keyEnd = key;
            while (keyEnd < header.length() && !endsKey(header.charAt(keyEnd))) {
                keyEnd++;
            }
            if (keyEnd == header.length() || header.charAt(keyEnd) != '/') {
                continue;
            }
            int date = header.indexOf('/', keyEnd + 1);
            int region = date < 0 ? -1 : header.indexOf('/', date + 1);
            int service = region < 0 ? -1 : header.indexOf('/', region + 1);
            if (service >= 0 && header.startsWith(TERMINATOR, service + 1)) {
                return new SigV4Scope(header.substring(key, keyEnd), header.substring(date + 1, region),
                        header.substring(region + 1, service));
            }
        }
        return null;
    }

    private static boolean endsKey(char c) {
        return c == '/' || c == ',' || c == ' ' || (c >= '\t' && c <= '\r'); // the regex class \s
    }
}
