package io.selfheal.emulator.services.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.Json;
import java.time.Instant;

/**
 * A function's asynchronous invocation settings (PutFunctionEventInvokeConfig): how often a failed event is retried,
 * how old it may grow in the queue, and where its record goes on success and on failure.
 * https://docs.aws.amazon.com/lambda/latest/api/API_FunctionEventInvokeConfig.html
 *
 * @param maximumRetryAttempts     0–2, or null (Lambda's default, 2)
 * @param maximumEventAgeInSeconds 60–21600, or null (Lambda's default, 6 hours)
 * @param onSuccess                destination ARN, or null
 * @param onFailure                destination ARN, or null
 */
record EventInvokeConfig(Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds, String onSuccess,
                         String onFailure, Instant lastModified) {
    static final int DEFAULT_RETRIES = 2;
    static final int DEFAULT_MAX_AGE_SECONDS = 21_600;
    /** A function without a config behaves as one with every default. */
    static final EventInvokeConfig DEFAULTS = new EventInvokeConfig(null, null, null, null, Instant.EPOCH);

    /** The function's settings, or the defaults when none were put. */
    static EventInvokeConfig of(LambdaFunction f) {
        EventInvokeConfig config = f.eventInvokeConfig();
        return config == null ? DEFAULTS : config;
    }

    int retries() {
        return maximumRetryAttempts == null ? DEFAULT_RETRIES : maximumRetryAttempts;
    }

    int maxAgeSeconds() {
        return maximumEventAgeInSeconds == null ? DEFAULT_MAX_AGE_SECONDS : maximumEventAgeInSeconds;
    }

    /** FunctionEventInvokeConfig, as Put/Update/Get/List return it; the ARN names the qualifier ($LATEST). */
    ObjectNode json(LambdaFunction f) {
        ObjectNode out = Json.object()
                .put("LastModified", lastModified.toEpochMilli() / 1000.0)
                .put("FunctionArn", f.arn() + ":$LATEST");
        if (maximumRetryAttempts != null) {
            out.put("MaximumRetryAttempts", maximumRetryAttempts);
        }
        if (maximumEventAgeInSeconds != null) {
            out.put("MaximumEventAgeInSeconds", maximumEventAgeInSeconds);
        }
        ObjectNode destinations = out.putObject("DestinationConfig");
        ObjectNode success = destinations.putObject("OnSuccess");
        ObjectNode failure = destinations.putObject("OnFailure");
        if (onSuccess != null) {
            success.put("Destination", onSuccess);
        }
        if (onFailure != null) {
            failure.put("Destination", onFailure);
        }
        return out;
    }
}
