package io.selfheal.emulator.services.cloudwatch;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.PutMetricData;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.OperationSpec;
import io.selfheal.emulator.service.ResourceArns;
import java.util.List;

/**
 * Amazon CloudWatch: metric alarms and metrics, over both of its protocols: AWS query (the SDK for Java v2, older
 * CLIs) and the query-compatible AWS JSON 1.0 that newer SDKs and botocore speak ({@code X-Amz-Target:
 * GraniteServiceVersion20100801.<Operation>}). Both carry the same members, so every operation serves both.
 */
public final class CloudWatchService extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.query("monitoring", "http://monitoring.amazonaws.com/doc/2010-08-01/");
    private static final ServiceDescriptor JSON =
            ServiceDescriptor.json10QueryCompatible("monitoring", "GraniteServiceVersion20100801");

    private final RegionalStore<CloudWatchRegion> store = new RegionalStore<>(CloudWatchRegion::new);
    private final RegionalStore<MetricStore> metrics = new RegionalStore<>(MetricStore::new);
    private static final ResourceArns ALARM = ResourceArns.each("AlarmName", CloudWatchService::alarmArn);
    private static final ResourceArns ALARMS = ResourceArns.each("AlarmNames", CloudWatchService::alarmArn);

    private final AlarmEvaluation evaluation;

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new CloudWatchService(context);
        }
    }

    CloudWatchService(EmulatorContext context) {
        super("Amazon CloudWatch", DESCRIPTOR, "cloudwatch");
        CompositeAlarms composites = new CompositeAlarms(context);
        AlarmTransitions transitions = new AlarmTransitions(context, new AlarmActions(context), composites);
        evaluation = new AlarmEvaluation(context, store, metrics, transitions);
        AlarmHandlers alarms = new AlarmHandlers(context, store, transitions, evaluation, composites);
        AlarmActionsSwitch actionsSwitch = new AlarmActionsSwitch(store);
        // IAM's prefix is cloudwatch, though the service signs as monitoring.
        add(write("PutMetricAlarm", alarms::putMetricAlarm).resources(ALARM));
        add(write("PutCompositeAlarm", new PutCompositeAlarmOperation(context, store, transitions, composites))
                .resources(ALARM));
        add(read("DescribeAlarms", new DescribeAlarmsOperation(store)));
        add(write("SetAlarmState", alarms::setAlarmState).resources(ALARM));
        add(write("DeleteAlarms", alarms::deleteAlarms).resources(ALARMS));
        add(read("DescribeAlarmHistory", new AlarmHistoryOperation(store)));
        add(read("DescribeAlarmsForMetric", new AlarmsForMetricOperation(store)).resources(ResourceArns.ANY));
        add(write("EnableAlarmActions", actionsSwitch::enable).resources(ALARMS));
        add(write("DisableAlarmActions", actionsSwitch::disable).resources(ALARMS));
        add(write("PutMetricData", new PutMetricDataOperation(metrics)).dataEvent().resources(ResourceArns.ANY));
        add(read("GetMetricStatistics", new GetMetricStatisticsOperation(metrics)).dataEvent()
                .resources(ResourceArns.ANY));
        add(read("GetMetricData", new GetMetricDataOperation(metrics)).dataEvent().resources(ResourceArns.ANY));
        add(read("ListMetrics", new ListMetricsOperation(metrics)).dataEvent().resources(ResourceArns.ANY));
        ServiceMetricsSubscriber serviceMetrics = new ServiceMetricsSubscriber(metrics, context.clock());
        context.bus().subscribe(PutMetricData.class, serviceMetrics::accept);
    }

    private static String alarmArn(io.selfheal.emulator.core.RequestContext ctx, String name) {
        return ctx.arn("cloudwatch", "alarm:" + name);
    }

    /** Every operation answers JSON-protocol errors with their typed shape. */
    private void add(OperationSpec spec) {
        operations.add(spec.handledBy(CloudWatchErrors.jsonTyped(spec.handler())));
    }

    @Override
    public List<ServiceDescriptor> protocols() {
        return List.of(DESCRIPTOR, JSON,
                ServiceDescriptor.rpcV2Cbor("monitoring", "com.amazonaws.cloudwatch#GraniteServiceVersion20100801", true));
    }

    @Override
    public void reset() {
        evaluation.stop();
        store.reset();
        metrics.reset();
    }
}
