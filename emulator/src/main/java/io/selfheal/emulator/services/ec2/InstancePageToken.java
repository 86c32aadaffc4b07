package io.selfheal.emulator.services.ec2;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.service.PageToken;
import java.util.List;

/**
 * NextToken for the operations that page through instances in launch order. The token names the last instance
 * returned, so an instance that stops matching a filter between pages does not break the walk.
 */
final class InstancePageToken {
    private final PageToken token;

    InstancePageToken(String operation) {
        this.token = new PageToken("selfheal-ec2-" + operation + ":");
    }

    String after(String lastInstanceId) {
        return token.encode(lastInstanceId);
    }

    /** The position after the instance the token names; {@code InvalidPaginationToken} when none does. */
    int positionAfter(List<Instance> candidates, String nextToken) {
        String last = token.decode(nextToken, t -> invalid());
        for (int i = 0; last != null && i < candidates.size(); i++) {
            if (candidates.get(i).instanceId.equals(last)) {
                return i + 1;
            }
        }
        throw invalid();
    }

    private static AwsException invalid() {
        return AwsException.badRequest("InvalidPaginationToken",
                "The specified pagination token is not valid or is expired.");
    }
}
