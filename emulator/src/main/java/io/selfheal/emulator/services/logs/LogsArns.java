package io.selfheal.emulator.services.logs;

import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.ResourceArns;
import java.util.ArrayList;
import java.util.List;

/**
 * The ARNs IAM matches CloudWatch Logs requests against: {@code log-group:<name>} and
 * {@code log-group:<name>:log-stream:<stream>} ("Resource types defined by Amazon CloudWatch Logs",
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html).
 */
final class LogsArns {
    static final ResourceArns GROUP = (ctx, input) -> input.hasNonNull("logGroupName")
            ? List.of(group(ctx, input.get("logGroupName").asText())) : List.of();
    static final ResourceArns STREAM = (ctx, input) -> {
        List<String> out = new ArrayList<>();
        if (input.hasNonNull("logGroupName") && input.hasNonNull("logStreamName")) {
            out.add(group(ctx, input.get("logGroupName").asText()) + ":log-stream:"
                    + input.get("logStreamName").asText());
        }
        return out;
    };

    static final ResourceArns TAGGED = ResourceArns.arnIn("resourceArn");

    private LogsArns() {
    }

    private static String group(RequestContext ctx, String name) {
        return ctx.arn("logs", "log-group:" + name);
    }
}
