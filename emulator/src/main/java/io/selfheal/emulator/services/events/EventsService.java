package io.selfheal.emulator.services.events;

import static io.selfheal.emulator.service.OperationSpec.read;
import static io.selfheal.emulator.service.OperationSpec.write;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.control.EventsControl;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.EventsBacklog;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.authz.Authorization;
import io.selfheal.emulator.core.authz.ResourcePolicySource;
import io.selfheal.emulator.messages.ArnTargets;
import io.selfheal.emulator.messages.Delivery;
import io.selfheal.emulator.messages.PutEventOnBus;
import io.selfheal.emulator.messages.ServiceEvent;
import io.selfheal.emulator.protocol.ServiceDescriptor;
import io.selfheal.emulator.service.AbstractAwsService;
import io.selfheal.emulator.service.AwsService;
import io.selfheal.emulator.service.AwsServiceProvider;
import io.selfheal.emulator.service.PassedRoles;
import io.selfheal.emulator.service.ResourceArns;
import java.net.http.HttpClient;
import java.util.List;

/** Amazon EventBridge: the operation table, the service events subscription and the control component. */
public final class EventsService extends AbstractAwsService {
    private static final ServiceDescriptor DESCRIPTOR = ServiceDescriptor.json11("events", "AWSEvents");
    /** EventBridge assumes the roles of rules and targets: they are passed to it. */
    private static final String EVENTS = "events.amazonaws.com";

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
    private final EmulatorContext context;

    EventsService(EmulatorContext context) {
        super("Amazon EventBridge", DESCRIPTOR, "events");
        this.context = context;
        states = new RegionalStore<>(() -> new EventsState(context.clock()));
        log = new EventLog(context.retention());
        EventsMetrics metrics = new EventsMetrics(context.bus());
        dispatcher = new EventDispatcher(context, log, metrics, backlogSettings(context));
        HttpClient http = HttpClient.newBuilder().connectTimeout(ApiDestinationTarget.TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        tokens = new OAuthTokens(http, context.clock());
        retries = new Retries(context);
        dispatcher.targets(new TargetDeliveries(context, retries, metrics, new BusTarget(states, dispatcher::dispatchNow),
                new ApiDestinationTarget(apiDestinations, http, tokens)));
        ConnectionOperations connections = new ConnectionOperations(apiDestinations, context, tokens);
        ApiDestinationOperations destinations = new ApiDestinationOperations(apiDestinations, context.clock(),
                context.ids());
        schedules = new ScheduleRunner(context, states, dispatcher);
        RuleOperations rules = new RuleOperations(states, schedules);
        TargetOperations targets = new TargetOperations(states);
        PutEventsOperation putEvents = new PutEventsOperation(states, dispatcher, context.clock(), context.ids());
        PatternTestOperation patternTest = new PatternTestOperation();
        BusOperations buses = new BusOperations(states, context.clock());
        TagOperations tags = new TagOperations(states);
        ArchiveOperations archives = new ArchiveOperations(states, context.clock());
        ReplayOperations replays = new ReplayOperations(states, dispatcher, context);
        operations.add(write("PutRule", rules::putRule).resources(EventsArns.RULE)
                .passesRoles(PassedRoles.member("RoleArn", EVENTS)));
        operations.add(read("DescribeRule", rules::describeRule));
        operations.add(write("DeleteRule", rules::deleteRule).resources(EventsArns.RULE));
        operations.add(write("EnableRule", rules::enableRule).resources(EventsArns.RULE));
        operations.add(write("DisableRule", rules::disableRule).resources(EventsArns.RULE));
        operations.add(read("ListRules", rules::listRules));
        operations.add(read("ListRuleNamesByTarget", rules::listRuleNamesByTarget));
        // Buses, tags, archives and replays.
        operations.add(write("CreateEventBus", buses::createEventBus).resources(EventsArns.BUS));
        operations.add(read("DescribeEventBus", buses::describeEventBus));
        operations.add(write("UpdateEventBus", buses::updateEventBus).resources(EventsArns.BUS));
        operations.add(read("ListEventBuses", buses::listEventBuses));
        operations.add(write("DeleteEventBus", buses::deleteEventBus).resources(EventsArns.BUS));
        BusPermissionOperations permissions = new BusPermissionOperations(states, context.clock());
        operations.add(write("PutPermission", permissions::putPermission).resources(EventsArns.BUS_NAMED));
        operations.add(write("RemovePermission", permissions::removePermission).resources(EventsArns.BUS_NAMED));
        operations.add(write("TagResource", tags::tagResource).resources(EventsArns.TAGGED));
        operations.add(write("UntagResource", tags::untagResource).resources(EventsArns.TAGGED));
        operations.add(read("ListTagsForResource", tags::listTagsForResource));
        operations.add(write("CreateArchive", archives::createArchive).resources(EventsArns.ARCHIVE));
        operations.add(read("DescribeArchive", archives::describeArchive));
        operations.add(read("ListArchives", archives::listArchives));
        operations.add(write("UpdateArchive", archives::updateArchive).resources(EventsArns.ARCHIVE));
        operations.add(write("DeleteArchive", archives::deleteArchive).resources(EventsArns.ARCHIVE));
        operations.add(write("StartReplay", replays::startReplay).resources(EventsArns.REPLAY));
        operations.add(read("DescribeReplay", replays::describeReplay));
        operations.add(read("ListReplays", replays::listReplays));
        operations.add(write("CancelReplay", replays::cancelReplay).resources(EventsArns.REPLAY));
        operations.add(write("PutTargets", targets::putTargets).resources(EventsArns.RULE)
                .passesRoles(PassedRoles.eachIn("Targets", "RoleArn", EVENTS)));
        operations.add(write("RemoveTargets", targets::removeTargets).resources(EventsArns.RULE));
        operations.add(read("ListTargetsByRule", targets::listTargetsByRule));
        operations.add(write("PutEvents", putEvents::putEvents).dataEvent().resources(EventsArns.PUT_EVENTS));
        operations.add(read("TestEventPattern", patternTest::testEventPattern).resources(ResourceArns.ANY));
        // Connections and API destinations
        operations.add(write("CreateConnection", connections::createConnection).resources(EventsArns.CONNECTION));
        operations.add(read("DescribeConnection", connections::describeConnection));
        operations.add(read("ListConnections", connections::listConnections));
        operations.add(write("UpdateConnection", connections::updateConnection).resources(EventsArns.CONNECTION));
        operations.add(write("DeauthorizeConnection", connections::deauthorizeConnection)
                .resources(EventsArns.CONNECTION));
        operations.add(write("DeleteConnection", connections::deleteConnection).resources(EventsArns.CONNECTION));
        operations.add(write("CreateApiDestination", destinations::createApiDestination)
                .resources(EventsArns.API_DESTINATION));
        operations.add(read("DescribeApiDestination", destinations::describeApiDestination));
        operations.add(read("ListApiDestinations", destinations::listApiDestinations));
        operations.add(write("UpdateApiDestination", destinations::updateApiDestination)
                .resources(EventsArns.API_DESTINATION));
        operations.add(write("DeleteApiDestination", destinations::deleteApiDestination)
                .resources(EventsArns.API_DESTINATION));
        context.bus().subscribeInOrder(ServiceEvent.class, this::onServiceEvent);
        context.bus().handle(PutEventOnBus.class, this::onPutEventOnBus);
        context.register(EventsControl.class, new EventsControlImpl(log, dispatcher, context.bus()));
        context.component(Authorization.class).resourcePolicies("events", this::busPolicy);
    }

    /**
     * The policy of the bus an {@code event-bus/<name>} ARN names (for a PutEvents from another account, or a rule
     * of another account targeting it); other EventBridge resources carry no policy.
     */
    private ResourcePolicySource.Found busPolicy(String arn) {
        ArnTargets.Target target = ArnTargets.parse(arn);
        if (target == null || target.kind() != ArnTargets.Kind.EVENT_BUS) {
            return null;
        }
        EventBus bus = states.get(target.account(), target.region())
                .findBus(target.account(), target.region(), target.name());
        return bus == null ? null : ResourcePolicySource.Found.of("event bus policy", bus.policy(), bus.accountId());
    }

    /**
     * An AWS service's event reaches the default bus of its account and region, in the same envelope as PutEvents
     * gives. The aws.* source restriction is PutEvents' alone. This runs on the internal bus's worker, already
     * counted as in-flight work, so delivery happens here. Events published at one instant (two instances settling)
     * are enveloped on concurrent workers, so the envelope id and the log position come from the event's number,
     * given where it happened: a seeded run gets the same ids in the same order every time.
     */
    private void onServiceEvent(ServiceEvent e, long number) {
        EventBus bus = states.get(e.accountId(), e.region()).defaultBus(e.accountId(), e.region());
        ObjectNode detail = e.detail() == null ? Json.object() : e.detail().deepCopy();
        List<String> resources = e.resources() == null ? List.of() : e.resources();
        ObjectNode event = EventEnvelope.of(context.ids().uuid("service-event", number), e.source(), e.detailType(),
                e.accountId(), e.time() == null ? context.clock().now() : e.time(), e.region(), resources, detail);
        dispatcher.dispatchNow(bus, event, number);
    }

    /** Another service's event for a named bus (a Lambda destination): refused when the bus does not exist. */
    private Delivery onPutEventOnBus(PutEventOnBus e) {
        ArnTargets.Target target = ArnTargets.parse(e.busArn());
        if (target == null || target.kind() != ArnTargets.Kind.EVENT_BUS) {
            return Delivery.refused("ValidationException", "Not an event bus ARN: " + e.busArn());
        }
        EventBus bus = states.get(target.account(), target.region())
                .findBus(target.account(), target.region(), target.name());
        if (bus == null) {
            return Delivery.refused("ResourceNotFoundException", "Event bus " + target.name() + " does not exist.");
        }
        ObjectNode event = EventEnvelope.of(context.ids(), e.source(), e.detailType(), target.account(),
                e.time() == null ? context.clock().now() : e.time(), target.region(),
                e.resources() == null ? List.of() : e.resources(), e.detail() == null ? Json.object() : e.detail());
        dispatcher.dispatchNow(bus, event);
        return Delivery.accepted(EventEnvelope.id(event));
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
