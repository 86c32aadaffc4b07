package io.selfheal.emulator.services.cloudwatch;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operation;
import java.util.Map;

/** Amazon CloudWatch: metric alarms. */
public final class CloudWatchService implements AwsService {
    private static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.query("monitoring", "http://monitoring.amazonaws.com/doc/2010-08-01/");

    private final RegionalStore<CloudWatchRegion> store = new RegionalStore<>(CloudWatchRegion::new);
    private final Map<String, Operation> operations;

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new CloudWatchService(context);
        }
    }

    CloudWatchService(EmulatorContext context) {
        AlarmHandlers alarms = new AlarmHandlers(context, store);
        operations = Map.of(
                "PutMetricAlarm", alarms::putMetricAlarm,
                "DescribeAlarms", alarms::describeAlarms,
                "SetAlarmState", alarms::setAlarmState,
                "DeleteAlarms", alarms::deleteAlarms);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Operation> operations() {
        return operations;
    }

    @Override
    public void reset() {
        store.reset();
    }
}
