package io.selfheal.emulator.services.cloudtrail;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.ApiCallCompleted;
import io.selfheal.emulator.messages.ApiCallSelector;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.OperationSpec;
import io.selfheal.emulator.service.Operations;
import io.selfheal.emulator.service.ResourceArns;

/** AWS CloudTrail: records every management call the front door answers; LookupEvents reads the history. */
public final class CloudTrailService implements AwsService {
    private static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.json11("cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101");

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new CloudTrailService(context);
        }
    }

    private final RegionalStore<EventHistory> histories;
    private final Recorder recorder;
    private final Operations operations;

    CloudTrailService(EmulatorContext context) {
        histories = new RegionalStore<>(() -> new EventHistory(context.retention()));
        recorder = new Recorder(histories, context.bus(), context.ids());
        LookupEventsOperation lookup = new LookupEventsOperation(histories);
        operations = new Operations("cloudtrail").add(read("LookupEvents", lookup::lookupEvents)
                .resources(ResourceArns.ANY));
        context.register(ApiCallSelector.class, OperationSpec::managementEvent);
        context.bus().subscribe(ApiCallCompleted.class, recorder::record);
    }

    @Override
    public String displayName() {
        return "AWS CloudTrail";
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Operations operations() {
        return operations;
    }

    /** Forgets the event history of every account and region. */
    @Override
    public void reset() {
        histories.reset();
        recorder.reset();
    }
}
