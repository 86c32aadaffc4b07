package io.selfheal.emulator.services.cloudtrail;

import java.util.Map;
import java.util.Set;

/**
 * Which calls CloudTrail logs by default. Data events (data-plane calls) are only logged by trails with data-event
 * selectors, and never appear in the event history. The lists follow each service's "Logging … API calls using
 * AWS CloudTrail" page (resource types AWS::SQS::Queue, AWS::SNS::Topic, AWS::Lambda::Function,
 * AWS::Events::EventBus, AWS::CloudWatch::Metric, AWS::Logs::LogStream).
 */
final class EventSelection {
    private static final Map<String, Set<String>> DATA_EVENTS = Map.of(
            "sqs", Set.of("SendMessage", "SendMessageBatch", "ReceiveMessage", "DeleteMessage",
                    "DeleteMessageBatch", "ChangeMessageVisibility", "ChangeMessageVisibilityBatch"),
            "sns", Set.of("Publish", "PublishBatch"),
            "lambda", Set.of("Invoke", "InvokeAsync", "InvokeWithResponseStream"),
            "events", Set.of("PutEvents"),
            "monitoring", Set.of("PutMetricData", "GetMetricData", "GetMetricStatistics", "ListMetrics"),
            "logs", Set.of("PutLogEvents", "GetLogEvents", "FilterLogEvents"));

    private EventSelection() {
    }

    /** True for management events: everything the emulator answers except the data events above. */
    static boolean management(String service, String operation) {
        Set<String> data = DATA_EVENTS.get(service);
        return data == null || !data.contains(operation);
    }
}
