package io.selfheal.emulator.services.cloudtrail;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.ApiCallCompleted;
import io.selfheal.emulator.messages.ApiCallSelector;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.OperationSpec;
import io.selfheal.emulator.service.ResourceArns;

/**
 * AWS CloudTrail: records every management call the front door answers; LookupEvents reads the history; trails
 * (Create/Get/Describe/List/Delete, Start/StopLogging, GetTrailStatus) name an existing S3 bucket. Write management
 * events reach the default event bus whether or not a trail exists, as the EventBridge User Guide describes
 * ("AWS service events delivered via AWS CloudTrail"); trails do not change that.
 */
public final class CloudTrailService extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.json11("cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101");

    /** A trail named by name or ARN in {@code Name}. */
    private static final ResourceArns TRAIL_NAMED = ResourceArns.each("Name",
            (ctx, name) -> name.startsWith("arn:") ? name : ctx.arn("cloudtrail", "trail/" + name));

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new CloudTrailService(context);
        }
    }

    private final RegionalStore<EventHistory> histories;
    private final RegionalStore<TrailOperations.Trails> trails = new RegionalStore<>(TrailOperations.Trails::new);
    private final Recorder recorder;

    CloudTrailService(EmulatorContext context) {
        super("AWS CloudTrail", DESCRIPTOR, "cloudtrail");
        histories = new RegionalStore<>(() -> new EventHistory(context.retention()));
        recorder = new Recorder(histories, trails, context.bus(), context.ids());
        LookupEventsOperation lookup = new LookupEventsOperation(histories);
        TrailOperations trailOps = new TrailOperations(trails, context.bus(), context.clock(), context.ids());
        operations.add(read("LookupEvents", lookup::lookupEvents)
                .resources(ResourceArns.ANY))
                .add(write("CreateTrail", trailOps::createTrail).resources(TRAIL_NAMED))
                .add(read("GetTrail", trailOps::getTrail).resources(TRAIL_NAMED))
                .add(read("DescribeTrails", trailOps::describeTrails).resources(ResourceArns.ANY))
                .add(read("ListTrails", trailOps::listTrails).resources(ResourceArns.ANY))
                .add(write("DeleteTrail", trailOps::deleteTrail).resources(TRAIL_NAMED))
                .add(write("StartLogging", trailOps::startLogging).resources(TRAIL_NAMED))
                .add(write("StopLogging", trailOps::stopLogging).resources(TRAIL_NAMED))
                .add(read("GetTrailStatus", trailOps::getTrailStatus).resources(TRAIL_NAMED));
        ApiCallSelector.register(context, OperationSpec::managementEvent);
        context.bus().subscribe(ApiCallCompleted.class, recorder::record);
    }

    /** Forgets the event history of every account and region. */
    @Override
    public void reset() {
        histories.reset();
        trails.all().forEach(region -> region.byName.values().forEach(t -> t.logFiles().close()));
        trails.reset();
        recorder.reset();
    }
}
