package io.selfheal.emulator.services.lambda.esm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every event source mapping with its poller, by UUID, in creation order (as ListEventSourceMappings pages). */
final class EventSourceMappings {
    record Entry(EventSourceMapping mapping, SqsPoller poller) {
    }

    private final Map<String, Entry> byUuid = new LinkedHashMap<>();

    synchronized void add(Entry entry) {
        byUuid.put(entry.mapping().uuid, entry);
    }

    /** The mapping of this account and region, or null. */
    synchronized Entry get(String accountId, String region, String uuid) {
        Entry e = byUuid.get(uuid);
        return e != null && e.mapping().accountId.equals(accountId) && e.mapping().region.equals(region) ? e : null;
    }

    synchronized Entry remove(String uuid) {
        return byUuid.remove(uuid);
    }

    synchronized List<EventSourceMapping> list(String accountId, String region) {
        List<EventSourceMapping> out = new ArrayList<>();
        for (Entry e : byUuid.values()) {
            if (e.mapping().accountId.equals(accountId) && e.mapping().region.equals(region)) {
                out.add(e.mapping());
            }
        }
        return out;
    }

    /** The pollers of a queue's mappings. */
    synchronized List<SqsPoller> pollersOf(String queueArn) {
        List<SqsPoller> out = new ArrayList<>();
        for (Entry e : byUuid.values()) {
            if (e.mapping().eventSourceArn.equals(queueArn)) {
                out.add(e.poller());
            }
        }
        return out;
    }

    /** Stops every poller and forgets every mapping. */
    synchronized void clear() {
        byUuid.values().forEach(e -> e.poller().stop());
        byUuid.clear();
    }
}
