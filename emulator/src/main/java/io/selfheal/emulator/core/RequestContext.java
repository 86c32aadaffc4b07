package io.selfheal.emulator.core;

import java.time.Instant;

/**
 * One API call as a service sees it: where it acts (account, region), who made it and when.
 *
 * @param requestId  the AWS request id echoed in the response ({@code x-amzn-RequestId} or {@code <RequestId>})
 * @param region     from the SigV4 credential scope, else the emulator's default region
 * @param caller     the identity behind the access key
 * @param service    the signing name of the service ({@code events}, {@code ec2}, {@code monitoring} …)
 * @param operation  the AWS operation name ({@code PutRule})
 * @param receivedAt the emulator clock's time when the call arrived
 * @param endpoint   the base URL clients used, e.g. {@code http://127.0.0.1:4566}
 */
public record RequestContext(String requestId, String region, CallerIdentity caller, String service, String operation,
                             Instant receivedAt, String endpoint) {

    public String accountId() {
        return caller.accountId();
    }

    /** {@code arn:aws:<service>:<region>:<account>:<resource>}. */
    public String arn(String arnService, String resource) {
        return "arn:aws:" + arnService + ":" + region + ":" + accountId() + ":" + resource;
    }
}
