package io.selfheal.emulator.services.events;

import io.selfheal.emulator.core.AwsException;
import io.selfheal.emulator.core.EmulatorClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * EventBridge in one account and region: the default bus (there from the start on AWS, created here on first use),
 * custom buses, archives, replays and tags. Maps are sorted by name, as the List operations answer.
 */
final class EventsState {
    static final String DEFAULT_BUS = "default";

    private final EmulatorClock clock;
    private final NavigableMap<String, EventBus> buses = new ConcurrentSkipListMap<>();
    private final NavigableMap<String, Archive> archives = new ConcurrentSkipListMap<>();
    private final NavigableMap<String, Replay> replays = new ConcurrentSkipListMap<>();
    private final TagStore tags = new TagStore();

    EventsState() {
        this(EmulatorClock.system());
    }

    EventsState(EmulatorClock clock) {
        this.clock = clock;
    }

    EventBus defaultBus(String accountId, String region) {
        EventBus bus = buses.get(DEFAULT_BUS);
        return bus != null ? bus : buses.computeIfAbsent(DEFAULT_BUS,
                n -> new EventBus(DEFAULT_BUS, accountId, region, null, clock.now()));
    }

    /**
     * The bus a request names by name or ARN ({@code null} or empty means the default bus).
     *
     * @throws AwsException ResourceNotFoundException "Event bus X does not exist."
     */
    EventBus bus(String accountId, String region, String nameOrArn) {
        EventBus bus = findBus(accountId, region, nameOrArn);
        if (bus == null) {
            throw EventsErrors.busNotFound(busName(nameOrArn));
        }
        return bus;
    }

    /**
     * The bus a request names by name or ARN ({@code null} or empty means the default bus), or null when there is
     * none: another account's or region's bus, or not a bus ARN, is none here either.
     */
    EventBus findBus(String accountId, String region, String nameOrArn) {
        defaultBus(accountId, region);
        if (nameOrArn == null || nameOrArn.isEmpty()) {
            return buses.get(DEFAULT_BUS);
        }
        String name = busName(nameOrArn);
        if (nameOrArn.startsWith("arn:") && !nameOrArn.equals(EventBus.arn(region, accountId, name))) {
            return null;
        }
        return buses.get(name);
    }

    /** The name in a bus name or ARN (an ARN that names no bus stands for itself). */
    private static String busName(String nameOrArn) {
        int slash = nameOrArn.startsWith("arn:") ? nameOrArn.indexOf(":event-bus/") : -1;
        return slash >= 0 ? nameOrArn.substring(slash + ":event-bus/".length()) : nameOrArn;
    }

    /** The bus, or null; never creates the default bus. */
    EventBus existingBus(String name) {
        return buses.get(name);
    }

    /** @throws AwsException ResourceAlreadyExistsException when a bus of that name exists */
    synchronized EventBus createBus(String accountId, String region, String name, String description) {
        defaultBus(accountId, region);
        EventBus bus = new EventBus(name, accountId, region, description, clock.now());
        if (buses.putIfAbsent(name, bus) != null) {
            throw EventsErrors.alreadyExists("Event bus " + name + " already exists.");
        }
        return bus;
    }

    /**
     * Deletes a custom bus and its tags; a bus that does not exist is already deleted. AWS's API refuses a bus that
     * still has rules (the console deletes them first) — and an archive is a rule on its bus there.
     */
    synchronized void deleteBus(String name) {
        EventBus bus = buses.get(name);
        if (bus == null) {
            return;
        }
        if (bus.hasRules() || bus.hasArchives()) {
            throw EventsErrors.validation("EventBus can't be deleted since it has rules.");
        }
        buses.remove(name);
        tags.remove(bus.arn());
    }

    List<EventBus> buses(String accountId, String region, String namePrefix) {
        defaultBus(accountId, region);
        return new ArrayList<>(byPrefix(buses, namePrefix).values());
    }

    /** @throws AwsException ResourceAlreadyExistsException when an archive of that name exists */
    synchronized void addArchive(Archive archive, EventBus source) {
        if (archives.putIfAbsent(archive.name(), archive) != null) {
            throw EventsErrors.alreadyExists("Archive " + archive.name() + " already exists.");
        }
        source.attach(archive);
    }

    /** @throws AwsException ResourceNotFoundException "Archive X does not exist." */
    Archive archive(String name) {
        Archive archive = archives.get(name);
        if (archive == null) {
            throw EventsErrors.notFound("Archive " + name + " does not exist.");
        }
        return archive;
    }

    synchronized void removeArchive(String name) {
        Archive archive = archive(name);
        archives.remove(name);
        buses.values().forEach(b -> b.detach(archive));
    }

    List<Archive> archives(String namePrefix) {
        return new ArrayList<>(byPrefix(archives, namePrefix).values());
    }

    /** @throws AwsException ResourceAlreadyExistsException when a replay of that name exists */
    void addReplay(Replay replay) {
        if (replays.putIfAbsent(replay.name(), replay) != null) {
            throw EventsErrors.alreadyExists("Replay " + replay.name() + " already exists.");
        }
    }

    /** @throws AwsException ResourceNotFoundException "Replay X does not exist." */
    Replay replay(String name) {
        Replay replay = replays.get(name);
        if (replay == null) {
            throw EventsErrors.notFound("Replay " + name + " does not exist.");
        }
        return replay;
    }

    List<Replay> replays(String namePrefix) {
        return new ArrayList<>(byPrefix(replays, namePrefix).values());
    }

    TagStore tags() {
        return tags;
    }

    private static <T> Map<String, T> byPrefix(NavigableMap<String, T> map, String prefix) {
        return prefix == null || prefix.isEmpty() ? map
                : map.subMap(prefix, true, prefix + Character.MAX_VALUE, true);
    }
}
