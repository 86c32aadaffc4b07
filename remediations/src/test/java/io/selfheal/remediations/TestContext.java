package io.selfheal.remediations;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** A Lambda context whose logger keeps every line, so tests can read what the function logged. */
final class TestContext implements Context, LambdaLogger {

    final List<String> lines = new ArrayList<>();
    private final String requestId;

    TestContext(String requestId) {
        this.requestId = requestId;
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/RebootOnHighCpu"; }
    @Override public String getLogStreamName() { return "2026/01/01/[$LATEST]test"; }
    @Override public String getFunctionName() { return "RebootOnHighCpu"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:RebootOnHighCpu"; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 30_000; }
    @Override public int getMemoryLimitInMB() { return 512; }
    @Override public LambdaLogger getLogger() { return this; }

    @Override
    public void log(String message) {
        lines.add(message);
    }

    @Override
    public void log(byte[] message) {
        lines.add(new String(message, StandardCharsets.UTF_8));
    }
}
