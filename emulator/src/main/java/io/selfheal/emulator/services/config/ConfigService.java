package io.selfheal.emulator.services.config;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.ResourceArns;

/** AWS Config: recording (recorder, delivery channel, configuration items) and rules (evaluation, compliance). */
public final class ConfigService extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json11("config", "StarlingDoveService");

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new ConfigService(context);
        }
    }

    private final Setups setups = new Setups();
    private final ItemStore items;
    private final ResourceRecorder recorder;
    private final ConfigRules rules;

    public ConfigService(EmulatorContext context) {
        super("AWS Config", DESCRIPTOR, "config");
        items = new ItemStore(context.retention());
        // Recording: recorder, delivery channel, configuration items. The rules half finds the items as the
        // emulator component ConfigurationItems.
        recorder = new ResourceRecorder(context, setups, items, new ItemChangeEvents(context));
        context.register(ConfigurationItems.class, items);
        ChangeTriggers.install(context, recorder);
        RecorderOperations recorders = new RecorderOperations(context, setups, recorder);
        DeliveryChannelOperations channels = new DeliveryChannelOperations(setups, context.bus());
        operations.add(write("PutConfigurationRecorder", recorders::put).resources(ResourceArns.ANY))
                .add(read("DescribeConfigurationRecorders", recorders::describe).resources(ResourceArns.ANY))
                .add(read("DescribeConfigurationRecorderStatus", recorders::status).resources(ResourceArns.ANY))
                .add(write("StartConfigurationRecorder", recorders::start).resources(ResourceArns.ANY))
                .add(write("StopConfigurationRecorder", recorders::stop).resources(ResourceArns.ANY))
                .add(write("DeleteConfigurationRecorder", recorders::delete).resources(ResourceArns.ANY))
                .add(write("PutDeliveryChannel", channels::put).resources(ResourceArns.ANY))
                .add(read("DescribeDeliveryChannels", channels::describe).resources(ResourceArns.ANY))
                .add(read("DescribeDeliveryChannelStatus", channels::status).resources(ResourceArns.ANY))
                .add(write("DeleteDeliveryChannel", channels::delete).resources(ResourceArns.ANY));
        ConfigurationItemOperations recorded = new ConfigurationItemOperations(setups, items);
        operations.add(read("GetResourceConfigHistory", recorded::history).resources(ResourceArns.ANY))
                .add(read("ListDiscoveredResources", recorded::listDiscovered).resources(ResourceArns.ANY))
                .add(read("BatchGetResourceConfig", recorded::batchGet).resources(ResourceArns.ANY));

        // Rules: evaluation, compliance, remediation configurations.
        rules = new ConfigRules(context, items, (account, region) -> {
            RecordingSetup setup = setups.find(account, region);
            RecordingSetup.Recorder r = setup == null ? null : setup.recorder();
            return r == null ? null : r.roleArn();
        });
        rules.register(operations);
    }

    @Override
    public void reset() {
        setups.reset();
        items.reset();
        recorder.reset();
        rules.reset();
    }
}
