package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * NextToken for the operations that page through instances in launch order. The token names the last instance
 * returned, so an instance that stops matching a filter between pages does not break the walk; each operation has
 * its own prefix, so one operation's token is refused by another.
 */
final class InstancePageToken {
    private final String prefix;

    InstancePageToken(String operation) {
        this.prefix = "selfheal-ec2-" + operation + ":";
    }

    String after(String lastInstanceId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((prefix + lastInstanceId).getBytes(StandardCharsets.UTF_8));
    }

    /** The position after the instance the token names; {@code InvalidPaginationToken} when none does. */
    int positionAfter(List<Instance> candidates, String token) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        if (decoded.startsWith(prefix)) {
            String last = decoded.substring(prefix.length());
            for (int i = 0; i < candidates.size(); i++) {
                if (candidates.get(i).instanceId.equals(last)) {
                    return i + 1;
                }
            }
        }
        throw AwsException.badRequest("InvalidPaginationToken",
                "The specified pagination token is not valid or is expired.");
    }
}
