package io.selfheal.emulator.services.cloudtrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.ApiCall;
import io.selfheal.emulator.core.Ids;
import io.selfheal.emulator.core.InternalBus;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.ApiCallCompleted;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns each answered management call into a record (on a bus worker, never on the event loop), keeps it in the
 * event history and sends write calls to the default event bus: "AWS service events delivered via AWS CloudTrail"
 * in the EventBridge User Guide (source {@code aws.<service>}, detail = the record, no resources).
 */
final class Recorder {
    static final String DETAIL_TYPE = "AWS API Call via CloudTrail";

    private final RegionalStore<EventHistory> histories;
    private final InternalBus bus;
    /** First use of each role session's key, standing for the session's creationDate. */
    private final Map<String, Instant> sessionsSeen = new ConcurrentHashMap<>();

    private final Ids ids;
    private final RegionalStore<TrailOperations.Trails> trails;

    Recorder(RegionalStore<EventHistory> histories, RegionalStore<TrailOperations.Trails> trails, InternalBus bus,
             Ids ids) {
        this.histories = histories;
        this.trails = trails;
        this.bus = bus;
        this.ids = ids;
    }

    void record(ApiCallCompleted done) {
        ApiCall call = done.call();
        Instant sessionCreated = done.caller().isAssumedRole()
                ? sessionsSeen.computeIfAbsent(done.caller().accessKeyId(), k -> call.time()) : call.time();
        String eventId = ids.uuid("cloudtrail-event");
        ObjectNode record = Records.record(done, eventId, sessionCreated);
        String text = Json.write(record);
        EventHistory history = histories.get(call.accountId(), call.region());
        history.add(new TrailEvent(history.nextSequence(), eventId, call.operation(), call.readOnly(),
                done.caller().accessKeyId(), call.time(), record.get("eventSource").asText(),
                UserIdentity.username(done.caller()), resources(call, record), text));
        toTrails(call, text);
        if (!call.readOnly()) {
            bus.publish(new ServiceEvent(call.accountId(), call.region(), "aws." + call.service(), DETAIL_TYPE,
                    List.of(), record, call.time()));
        }
    }

    /** Every logging trail that covers the call's account and region gets the record for its next log file. */
    private void toTrails(ApiCall call, String record) {
        for (TrailOperations.Trails region : trails.all()) {
            for (Trail trail : region.byName.values()) {
                if (trail.covers(call.accountId(), call.region())) {
                    trail.logFiles().add(call.region(), record);
                }
            }
        }
    }

    void reset() {
        sessionsSeen.clear();
    }

    /** The resources LookupEvents reports: EC2 instances named by the call, and EventBridge rules. */
    private static List<TrailEvent.Resource> resources(ApiCall call, ObjectNode record) {
        List<TrailEvent.Resource> out = new ArrayList<>();
        JsonNode params = record.get("requestParameters");
        if (params == null || params.isNull()) {
            return out;
        }
        if (call.service().equals("ec2")) {
            for (String set : new String[] {"instancesSet", "resourcesSet"}) {
                for (JsonNode item : params.path(set).path("items")) {
                    String id = item.path(set.equals("instancesSet") ? "instanceId" : "resourceId").asText("");
                    if (id.startsWith("i-")) {
                        out.add(new TrailEvent.Resource("AWS::EC2::Instance", id));
                    }
                }
            }
        } else if (call.service().equals("events") && call.operation().endsWith("Rule") && params.has("name")) {
            out.add(new TrailEvent.Resource("AWS::Events::Rule", params.get("name").asText()));
        }
        return out;
    }
}
