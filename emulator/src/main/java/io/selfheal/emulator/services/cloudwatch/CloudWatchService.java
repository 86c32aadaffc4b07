package io.selfheal.emulator.services.cloudwatch;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.PutMetricData;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon CloudWatch: metric alarms and metrics, over both of its protocols: AWS query (the SDK for Java v2, older
 * CLIs) and the query-compatible AWS JSON 1.0 that newer SDKs and botocore speak ({@code X-Amz-Target:
 * GraniteServiceVersion20100801.<Operation>}). Both carry the same members, so every operation serves both.
 */
public final class CloudWatchService implements AwsService {
    private static final ServiceDescriptor DESCRIPTOR =
            ServiceDescriptor.query("monitoring", "http://monitoring.amazonaws.com/doc/2010-08-01/");
    private static final ServiceDescriptor JSON =
            ServiceDescriptor.json10QueryCompatible("monitoring", "GraniteServiceVersion20100801");

    private final RegionalStore<CloudWatchRegion> store = new RegionalStore<>(CloudWatchRegion::new);
    private final RegionalStore<MetricStore> metrics = new RegionalStore<>(MetricStore::new);
    private final Map<String, Operation> operations;
    private final AlarmEvaluation evaluation;

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new CloudWatchService(context);
        }
    }

    CloudWatchService(EmulatorContext context) {
        CompositeAlarms composites = new CompositeAlarms(context);
        AlarmTransitions transitions = new AlarmTransitions(context, new AlarmActions(context), composites);
        evaluation = new AlarmEvaluation(context, store, metrics, transitions);
        AlarmHandlers alarms = new AlarmHandlers(context, store, transitions, evaluation, composites);
        AlarmActionsSwitch actionsSwitch = new AlarmActionsSwitch(store);
        Map<String, Operation> ops = new LinkedHashMap<>();
        ops.put("PutMetricAlarm", alarms::putMetricAlarm);
        ops.put("PutCompositeAlarm", new PutCompositeAlarmOperation(context, store, transitions, composites));
        ops.put("DescribeAlarms", new DescribeAlarmsOperation(store));
        ops.put("SetAlarmState", alarms::setAlarmState);
        ops.put("DeleteAlarms", alarms::deleteAlarms);
        ops.put("DescribeAlarmHistory", new AlarmHistoryOperation(store));
        ops.put("DescribeAlarmsForMetric", new AlarmsForMetricOperation(store));
        ops.put("EnableAlarmActions", actionsSwitch::enable);
        ops.put("DisableAlarmActions", actionsSwitch::disable);
        ops.put("PutMetricData", new PutMetricDataOperation(metrics));
        ops.put("GetMetricStatistics", new GetMetricStatisticsOperation(metrics));
        ops.put("GetMetricData", new GetMetricDataOperation(metrics));
        ops.put("ListMetrics", new ListMetricsOperation(metrics));
        ops.replaceAll((name, op) -> CloudWatchErrors.jsonTyped(op));
        operations = Map.copyOf(ops);
        ServiceMetricsSubscriber serviceMetrics = new ServiceMetricsSubscriber(metrics, context.clock());
        context.bus().subscribe(PutMetricData.class, serviceMetrics::accept);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<ServiceDescriptor> protocols() {
        return List.of(DESCRIPTOR, JSON,
                ServiceDescriptor.rpcV2Cbor("monitoring", "com.amazonaws.cloudwatch#GraniteServiceVersion20100801", true));
    }

    @Override
    public Map<String, Operation> operations() {
        return operations;
    }

    @Override
    public void reset() {
        evaluation.stop();
        store.reset();
        metrics.reset();
    }
}
