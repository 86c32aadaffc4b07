package io.selfheal.emulator.services.logs;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.PutLogEvents;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.ResourceArns;

/** Amazon CloudWatch Logs: the operation table and the bus handler for other services' log events. */
public final class LogsService extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json11("logs", "Logs_20140328");

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new LogsService(context);
        }
    }

    private final RegionalStore<LogsRegion> states = new RegionalStore<>(LogsRegion::new);

    LogsService(EmulatorContext context) {
        super("Amazon CloudWatch Logs", DESCRIPTOR, "logs");
        LogGroupOperations groups = new LogGroupOperations(states);
        LogStreamOperations streams = new LogStreamOperations(states);
        PutLogEventsOperation put = new PutLogEventsOperation(states);
        GetLogEventsOperation get = new GetLogEventsOperation(states);
        FilterLogEventsOperation filter = new FilterLogEventsOperation(states);
        ResourcePolicyOperations policies = new ResourcePolicyOperations(states);
        Tags tags = new Tags(states);
        // FilterLogEvents may test a pattern against every event of a group: too much for the event loop.
        operations.add(write("CreateLogGroup", groups::create).resources(LogsArns.GROUP));
        operations.add(write("DeleteLogGroup", groups::delete).resources(LogsArns.GROUP));
        operations.add(read("DescribeLogGroups", groups::describe).resources(ResourceArns.ANY));
        operations.add(write("PutRetentionPolicy", groups::putRetentionPolicy).resources(LogsArns.GROUP));
        operations.add(write("DeleteRetentionPolicy", groups::deleteRetentionPolicy).resources(LogsArns.GROUP));
        operations.add(write("CreateLogStream", streams::create).resources(LogsArns.STREAM));
        operations.add(write("DeleteLogStream", streams::delete).resources(LogsArns.STREAM));
        operations.add(read("DescribeLogStreams", streams::describe).resources(LogsArns.GROUP));
        operations.add(write("PutLogEvents", put::putLogEvents).dataEvent().resources(LogsArns.STREAM));
        operations.add(read("GetLogEvents", get::getLogEvents).dataEvent().resources(LogsArns.GROUP));
        operations.add(read("FilterLogEvents", filter::filterLogEvents).dataEvent().blocking()
                .resources(LogsArns.GROUP));
        operations.add(write("PutResourcePolicy", policies::put).resources(ResourceArns.ANY));
        operations.add(read("DescribeResourcePolicies", policies::describe));
        operations.add(write("DeleteResourcePolicy", policies::delete).resources(ResourceArns.ANY));
        operations.add(write("TagResource", tags::tagResource).resources(LogsArns.TAGGED));
        operations.add(write("UntagResource", tags::untagResource).resources(LogsArns.TAGGED));
        operations.add(read("ListTagsForResource", tags::listTagsForResource));
        operations.add(write("TagLogGroup", tags::tagLogGroup).resources(LogsArns.GROUP));
        operations.add(write("UntagLogGroup", tags::untagLogGroup).resources(LogsArns.GROUP));
        operations.add(read("ListTagsLogGroup", tags::listTagsLogGroup).resources(LogsArns.GROUP));
        BusDeliveries deliveries = new BusDeliveries(states, context.clock());
        context.bus().handle(PutLogEvents.class, deliveries::deliver);
    }

    /** Forgets every group, stream, event and policy. */
    @Override
    public void reset() {
        states.reset();
    }
}
