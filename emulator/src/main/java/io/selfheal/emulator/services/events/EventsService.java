package io.selfheal.emulator.services.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.EventsBacklog;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.messages.ServiceEvent;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.Operation;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

/** Amazon EventBridge: the operation table, the service events subscription and the control component. */
public final class EventsService implements AwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json11("events", "AWSEvents");

    /** ServiceLoader entry. */
    public static final class Provider implements AwsServiceProvider {
        @Override
        public AwsService create(EmulatorContext context) {
            return new EventsService(context);
        }
    }

    private final RegionalStore<EventsState> states;
    private final RegionalStore<ApiDestinationsState> apiDestinations =
            new RegionalStore<>(ApiDestinationsState::new);
    private final OAuthTokens tokens;
    private final EventLog log;
    private final EventDispatcher dispatcher;
    private final ScheduleRunner schedules;
    private final Retries retries;
    private final Map<String, Operation> operations;
    private final EmulatorContext context;

    EventsService(EmulatorContext context) {
        this.context = context;
        states = new RegionalStore<>(() -> new EventsState(context.clock()));
        log = new EventLog(context.retention());
        dispatcher = new EventDispatcher(context, log, new EventsMetrics(context.bus()), backlogSettings(context));
        HttpClient http = HttpClient.newBuilder().connectTimeout(ApiDestinationTarget.TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        tokens = new OAuthTokens(http, context.clock());
        retries = new Retries(context);
        dispatcher.targets(new TargetDeliveries(context, retries, new BusTarget(states, dispatcher::dispatchNow),
                new ApiDestinationTarget(apiDestinations, http, tokens)));
        ConnectionOperations connections = new ConnectionOperations(apiDestinations, context, tokens);
        ApiDestinationOperations destinations = new ApiDestinationOperations(apiDestinations, context.clock());
        schedules = new ScheduleRunner(context, states, dispatcher);
        RuleOperations rules = new RuleOperations(states, schedules);
        TargetOperations targets = new TargetOperations(states);
        PutEventsOperation putEvents = new PutEventsOperation(states, dispatcher, context.clock());
        PatternTestOperation patternTest = new PatternTestOperation();
        BusOperations buses = new BusOperations(states, context.clock());
        TagOperations tags = new TagOperations(states);
        ArchiveOperations archives = new ArchiveOperations(states, context.clock());
        ReplayOperations replays = new ReplayOperations(states, dispatcher, context);
        operations = Map.ofEntries(
                Map.entry("PutRule", rules::putRule),
                Map.entry("DescribeRule", rules::describeRule),
                Map.entry("DeleteRule", rules::deleteRule),
                Map.entry("EnableRule", rules::enableRule),
                Map.entry("DisableRule", rules::disableRule),
                Map.entry("ListRules", rules::listRules),
                Map.entry("ListRuleNamesByTarget", rules::listRuleNamesByTarget),
                // Buses, tags, archives and replays.
                Map.entry("CreateEventBus", buses::createEventBus),
                Map.entry("DescribeEventBus", buses::describeEventBus),
                Map.entry("UpdateEventBus", buses::updateEventBus),
                Map.entry("ListEventBuses", buses::listEventBuses),
                Map.entry("DeleteEventBus", buses::deleteEventBus),
                Map.entry("TagResource", tags::tagResource),
                Map.entry("UntagResource", tags::untagResource),
                Map.entry("ListTagsForResource", tags::listTagsForResource),
                Map.entry("CreateArchive", archives::createArchive),
                Map.entry("DescribeArchive", archives::describeArchive),
                Map.entry("ListArchives", archives::listArchives),
                Map.entry("UpdateArchive", archives::updateArchive),
                Map.entry("DeleteArchive", archives::deleteArchive),
                Map.entry("StartReplay", replays::startReplay),
                Map.entry("DescribeReplay", replays::describeReplay),
                Map.entry("ListReplays", replays::listReplays),
                Map.entry("CancelReplay", replays::cancelReplay),
                Map.entry("PutTargets", targets::putTargets),
                Map.entry("RemoveTargets", targets::removeTargets),
                Map.entry("ListTargetsByRule", targets::listTargetsByRule),
                Map.entry("PutEvents", putEvents::putEvents),
                Map.entry("TestEventPattern", patternTest::testEventPattern),
                // Connections and API destinations
                Map.entry("CreateConnection", connections::createConnection),
                Map.entry("DescribeConnection", connections::describeConnection),
                Map.entry("ListConnections", connections::listConnections),
                Map.entry("UpdateConnection", connections::updateConnection),
                Map.entry("DeauthorizeConnection", connections::deauthorizeConnection),
                Map.entry("DeleteConnection", connections::deleteConnection),
                Map.entry("CreateApiDestination", destinations::createApiDestination),
                Map.entry("DescribeApiDestination", destinations::describeApiDestination),
                Map.entry("ListApiDestinations", destinations::listApiDestinations),
                Map.entry("UpdateApiDestination", destinations::updateApiDestination),
                Map.entry("DeleteApiDestination", destinations::deleteApiDestination));
        context.bus().subscribe(ServiceEvent.class, this::onServiceEvent);
        context.register(EventsControl.class, new EventsControlImpl(log, dispatcher, context.bus()));
    }

    /**
     * An AWS service's event reaches the default bus of its account and region, in the same envelope as PutEvents
     * gives. The aws.* source restriction is PutEvents' alone. This runs on the internal bus's worker, already
     * counted as in-flight work, so delivery happens here.
     */
    private void onServiceEvent(ServiceEvent e) {
        EventBus bus = states.get(e.accountId(), e.region()).defaultBus(e.accountId(), e.region());
        ObjectNode detail = e.detail() == null ? Json.object() : e.detail().deepCopy();
        List<String> resources = e.resources() == null ? List.of() : e.resources();
        ObjectNode event = EventEnvelope.of(e.source(), e.detailType(), e.accountId(),
                e.time() == null ? context.clock().now() : e.time(), e.region(), resources, detail);
        dispatcher.dispatchNow(bus, event);
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Map<String, Operation> operations() {
        return operations;
    }

    /** The scheduled rules' runner: tests move the clock and call {@link ScheduleRunner#runDue()}. */
    ScheduleRunner schedules() {
        return schedules;
    }

    /**
     * Delivery retries waiting on the clock; tests on a real clock give them a short {@link RetryBackoff} through
     * {@link Retries#backoff(RetryBackoff)}.
     */
    Retries retries() {
        return retries;
    }

    @Override
    public void close() {
        schedules.close();
        retries.close();
        dispatcher.close();
    }

    /**
     * Forgets every bus, rule, archive, replay, tag and schedule; replays still running stop, and retries waiting
     * for their instant are called off.
     */
    @Override
    public void reset() {
        schedules.clear();
        retries.cancelAll();
        states.all().forEach(state -> state.replays(null).forEach(Replay::cancel));
        states.reset();
        apiDestinations.reset();
        tokens.clear();
        log.clear();
    }

    /** The emulator registers them; a context built without (a test's) gets the defaults. */
    private static EventsBacklog backlogSettings(EmulatorContext context) {
        try {
            return context.component(EventsBacklog.class);
        } catch (IllegalStateException notConfigured) {
            return EventsBacklog.DEFAULT;
        }
    }
}
