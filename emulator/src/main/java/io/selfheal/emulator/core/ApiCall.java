package io.selfheal.emulator.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One entry of the API call log: what the harness reads to assert "RebootInstances exactly once".
 *
 * @param time       when the call arrived (emulator clock)
 * @param requestId  the AWS request id
 * @param accountId  the account the call acted in
 * @param region     the region the call acted in
 * @param service    the signing name ({@code ec2})
 * @param operation  the operation ({@code RebootInstances})
 * @param callerArn  the caller's principal ARN (a Lambda function's role session for calls made by functions)
 * @param parameters the request parameters as a JSON tree (large binary members elided)
 * @param status     the HTTP status answered
 * @param errorCode  the AWS error code, or null on success
 * @param durationMicros time spent answering
 * @param readOnly   whether the operation only reads, as registered with it (false when none was found)
 * @param iamAction  the operation's IAM action ({@code cloudwatch:PutMetricData}), or null when none was found
 */
public record ApiCall(Instant time, String requestId, String accountId, String region, String service,
                      String operation, String callerArn, JsonNode parameters, int status, String errorCode,
                      long durationMicros, boolean readOnly, String iamAction) {

    public boolean succeeded() {
        return errorCode == null;
    }
}
