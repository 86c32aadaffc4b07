package io.selfheal.emulator.messages;

import com.fasterxml.jackson.databind.JsonNode;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.CallerIdentity;

/**
 * An AWS call the front door answered, handed over as is so that whoever records it (CloudTrail) builds its records
 * off the event loop. Published only for calls an {@link ApiCallSelector} wants.
 *
 * @param call         the call log entry (request parameters, status, error code)
 * @param caller       the full identity behind the access key (type, session)
 * @param response     the operation's result tree, or null (failed calls, raw operations, empty results)
 * @param errorMessage the AWS error message of a failed call, else null
 * @param userAgent    the {@code User-Agent} header, or null
 * @param sourceIp     the caller's address as CloudTrail's {@code sourceIPAddress} shows it
 */
public record ApiCallCompleted(ApiCall call, CallerIdentity caller, JsonNode response, String errorMessage,
                               String userAgent, String sourceIp) {
}
