package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.BoundedHistory;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.Retention;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every recorded configuration item, per account and region, resource type and resource (in discovery order), each
 * resource's items oldest first. Each account and region keeps its items within {@link Retention#CONFIG} (entries and
 * estimated bytes, configurable and reported like the other histories): past it the oldest items go, except a
 * resource's latest, which is its current state. Items are stored in the notification shape and never changed once
 * stored.
 */
final class ItemStore implements ConfigurationItems {

    /** One account and region: type → resource id → items. Guarded by its own monitor. */
    static final class RegionItems {
        private final Map<String, Map<String, List<ObjectNode>>> byType = new LinkedHashMap<>();
        /** Every item in recording order, bounded; evicting one drops it (and any older) from its resource. */
        private final BoundedHistory<ObjectNode> recorded;

        RegionItems(Retention retention) {
            recorded = retention.<ObjectNode>history(Retention.CONFIG, Json::estimatedBytes).onEvict(this::forget);
        }

        /** Called under this monitor (from {@link #add}): a resource's latest item stays. */
        private void forget(ObjectNode item) {
            List<ObjectNode> items = byType.getOrDefault(item.path("resourceType").asText(), Map.of())
                    .get(item.path("resourceId").asText());
            if (items == null) {
                return;
            }
            for (int i = 0; i < items.size() - 1; i++) {
                if (items.get(i) == item) {
                    items.subList(0, i + 1).clear();
                    return;
                }
            }
        }
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
            recorded.add(item);
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

    private final RegionalStore<RegionItems> regions;
    private final List<ConfigurationItemListener> listeners = new CopyOnWriteArrayList<>();

    ItemStore(Retention retention) {
        regions = new RegionalStore<>(() -> new RegionItems(retention));
    }

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
