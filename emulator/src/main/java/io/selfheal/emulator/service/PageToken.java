package io.selfheal.emulator.service;

import io.selfheal.emulator.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * An opaque NextToken: URL-safe Base64 of a prefix and a payload (the last key returned, an offset). The prefix is
 * per operation, so one operation's token is refused by another, as AWS refuses foreign tokens.
 */
public final class PageToken {
    private final String prefix;

    public PageToken(String prefix) {
        this.prefix = prefix;
    }

    public String encode(Object payload) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((prefix + payload).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The payload of a token this made; null for a missing or empty token (the first page).
     *
     * @param invalid the service's error for a token it did not make, given the token
     */
    public String decode(String token, Function<String, AwsException> invalid) {
        if (token == null || token.isEmpty()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(prefix)) {
                return decoded.substring(prefix.length());
            }
        } catch (IllegalArgumentException e) {
            // not Base64: refused below
        }
        throw invalid.apply(token);
    }

    /**
     * The offset a token of {@link #encode(Object) encode(offset)} continues from; 0 for a missing or empty token.
     *
     * @param invalid the service's error for a token it did not make, or whose payload is no offset
     */
    public long decodeOffset(String token, Function<String, AwsException> invalid) {
        String payload = decode(token, invalid);
        if (payload == null) {
            return 0;
        }
        try {
            long offset = Long.parseLong(payload);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid.apply(token);
    }
}
