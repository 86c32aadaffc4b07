package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.RegionalStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every recorded configuration item, per account and region, resource type and resource (in discovery order), each
 * resource's items oldest first. A resource keeps at most {@link #PER_RESOURCE} items (its oldest are dropped), so a
 * resource changed in a tight loop cannot grow the heap without bound. Items are stored in the notification shape
 * and never changed once stored.
 */
final class ItemStore implements ConfigurationItems {
    static final int PER_RESOURCE = 1_000;

    /** One account and region: type → resource id → items. Guarded by its own monitor. */
    static final class RegionItems {
        private final Map<String, Map<String, List<ObjectNode>>> byType = new LinkedHashMap<>();
        /** type/id → the oversized notification of the resource's latest item, when it had one. */
        private final Map<String, ObjectNode> oversized = new HashMap<>();

        synchronized void notified(ConfigurationItemChange change) {
            String key = change.current().path("resourceType").asText() + "/"
                    + change.current().path("resourceId").asText();
            if (ChangeNotifications.oversized(change.notification())) {
                oversized.put(key, change.notification());
            } else {
                oversized.remove(key);
            }
        }

        synchronized ObjectNode oversized(String type, String id) {
            return oversized.get(type + "/" + id);
        }

        synchronized ObjectNode latest(String type, String id) {
            List<ObjectNode> items = byType.getOrDefault(type, Map.of()).get(id);
            return items == null ? null : items.get(items.size() - 1);
        }

        synchronized void add(ObjectNode item) {
            List<ObjectNode> items = byType.computeIfAbsent(item.path("resourceType").asText(),
                    t -> new LinkedHashMap<>()).computeIfAbsent(item.path("resourceId").asText(),
                    id -> new ArrayList<>());
            items.add(item);
            if (items.size() > PER_RESOURCE) {
                items.remove(0);
            }
        }

        /** Every item of one resource, oldest first (empty when never recorded). */
        synchronized List<ObjectNode> history(String type, String id) {
            return List.copyOf(byType.getOrDefault(type, Map.of()).getOrDefault(id, List.of()));
        }

        /** The latest item of every resource of a type, deleted ones included, in discovery order. */
        synchronized List<ObjectNode> latestOfType(String type) {
            List<ObjectNode> out = new ArrayList<>();
            byType.getOrDefault(type, Map.of()).values().forEach(items -> out.add(items.get(items.size() - 1)));
            return out;
        }

        synchronized List<String> types() {
            return List.copyOf(byType.keySet());
        }
    }

    private final RegionalStore<RegionItems> regions = new RegionalStore<>(RegionItems::new);
    private final List<ConfigurationItemListener> listeners = new CopyOnWriteArrayList<>();

    RegionItems region(String accountId, String region) {
        return regions.get(accountId, region);
    }

    @Override
    public ObjectNode latest(String accountId, String region, String resourceType, String resourceId) {
        return region(accountId, region).latest(resourceType, resourceId);
    }

    @Override
    public List<ObjectNode> current(String accountId, String region, String resourceType) {
        return region(accountId, region).latestOfType(resourceType).stream().filter(i -> !ConfigItems.deleted(i))
                .toList();
    }

    @Override
    public ObjectNode oversizedNotification(String accountId, String region, String resourceType, String resourceId) {
        return region(accountId, region).oversized(resourceType, resourceId);
    }

    @Override
    public void onChange(ConfigurationItemListener listener) {
        listeners.add(listener);
    }

    void tell(ConfigurationItemChange change) {
        region(change.accountId(), change.region()).notified(change);
        listeners.forEach(l -> l.changed(change));
    }

    void reset() {
        regions.reset();
    }
}
