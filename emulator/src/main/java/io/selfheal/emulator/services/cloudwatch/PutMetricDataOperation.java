package io.selfheal.emulator.services.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import io.selfheal.emulator.service.Operation;
import io.selfheal.emulator.service.Params;
import java.util.ArrayList;
import java.util.List;

/**
 * PutMetricData: up to 1000 datums into one namespace, all or none (every datum is validated before any is stored).
 * The {@code AWS/} prefix is refused: the API reference asks callers not to use it "to avoid conflicts with Amazon Web
 * Services service namespaces", and CloudWatch answers InvalidParameterValue for it. Emulated services publish their
 * {@code AWS/} metrics over the internal bus instead ({@link ServiceMetricsSubscriber}).
 */
final class PutMetricDataOperation implements Operation {
    static final int MAX_DATUMS = 1000;

    private final RegionalStore<MetricStore> store;

    PutMetricDataOperation(RegionalStore<MetricStore> store) {
        this.store = store;
    }

    @Override
    public JsonNode handle(RequestContext ctx, ObjectNode input) {
        Params p = new Params(input, Params.QUERY);
        String namespace = MetricInput.namespace(p, "Namespace", "Namespace");
        if (namespace.startsWith("AWS/")) {
            throw CloudWatchErrors.invalidValue("The value " + namespace + " for parameter Namespace is invalid: "
                    + "the AWS/ prefix is reserved for AWS services.");
        }
        if (AlarmDefinitionParser.isEmptyList(p.node("MetricData"))) {
            throw p.errors().missing("MetricData");
        }
        List<ObjectNode> data = p.objects("MetricData");
        if (data.size() > MAX_DATUMS) {
            throw CloudWatchErrors.invalidValue("The collection MetricData must not have a size greater than "
                    + MAX_DATUMS + ".");
        }
        List<MetricDatumParser.Parsed> parsed = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            parsed.add(MetricDatumParser.parse(namespace, data.get(i), p, "MetricData.member." + (i + 1),
                    ctx.receivedAt()));
        }
        MetricStore metrics = store.get(ctx);
        parsed.forEach(d -> metrics.add(d.key(), d.point(), ctx.receivedAt()));
        return null;
    }
}
