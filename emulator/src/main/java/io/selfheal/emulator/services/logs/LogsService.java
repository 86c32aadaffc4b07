package io.selfheal.emulator.services.logs;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.PutLogEvents;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operation;
import java.util.Map;

/** Amazon CloudWatch Logs: the operation table and the bus handler for other services' log events. */
public final class LogsService implements AwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json11("logs", "Logs_20140328");

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new LogsService(context);
        }
    }

    private final RegionalStore<LogsRegion> states = new RegionalStore<>(LogsRegion::new);
    private final Map<String, Operation> operations;

    LogsService(EmulatorContext context) {
        LogGroupOperations groups = new LogGroupOperations(states);
        LogStreamOperations streams = new LogStreamOperations(states);
        PutLogEventsOperation put = new PutLogEventsOperation(states);
        GetLogEventsOperation get = new GetLogEventsOperation(states);
        FilterLogEventsOperation filter = new FilterLogEventsOperation(states);
        ResourcePolicyOperations policies = new ResourcePolicyOperations(states);
        Tags tags = new Tags(states);
        operations = Map.ofEntries(
                Map.entry("CreateLogGroup", groups::create),
                Map.entry("DeleteLogGroup", groups::delete),
                Map.entry("DescribeLogGroups", groups::describe),
                Map.entry("PutRetentionPolicy", groups::putRetentionPolicy),
                Map.entry("DeleteRetentionPolicy", groups::deleteRetentionPolicy),
                Map.entry("CreateLogStream", streams::create),
                Map.entry("DeleteLogStream", streams::delete),
                Map.entry("DescribeLogStreams", streams::describe),
                Map.entry("PutLogEvents", put::putLogEvents),
                Map.entry("GetLogEvents", get::getLogEvents),
                Map.entry("FilterLogEvents", filter::filterLogEvents),
                Map.entry("PutResourcePolicy", policies::put),
                Map.entry("DescribeResourcePolicies", policies::describe),
                Map.entry("DeleteResourcePolicy", policies::delete),
                Map.entry("TagResource", tags::tagResource),
                Map.entry("UntagResource", tags::untagResource),
                Map.entry("ListTagsForResource", tags::listTagsForResource),
                Map.entry("TagLogGroup", tags::tagLogGroup),
                Map.entry("UntagLogGroup", tags::untagLogGroup),
                Map.entry("ListTagsLogGroup", tags::listTagsLogGroup));
        BusDeliveries deliveries = new BusDeliveries(states, context.clock());
        context.bus().handle(PutLogEvents.class, deliveries::deliver);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Operation> operations() {
        return operations;
    }

    /**
     * FilterLogEvents may test a pattern against every event of a group (parsing each one for JSON patterns): too
     * much for the front door's event loop. Every other operation is a short in-memory change or lookup.
     */
    @Override
    public boolean blocking(String operation) {
        return operation.equals("FilterLogEvents");
    }

    /** Forgets every group, stream, event and policy. */
    @Override
    public void reset() {
        states.reset();
    }
}
