package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.NoHandlerException;
import io.selfheal.emulator.messages.DescribeResourceConfigurations;
import io.selfheal.emulator.messages.DescribeResourceConfigurations.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records configuration items from the live state: asks each owning service over the bus for the current
 * configuration of its resources of a type ({@link DescribeResourceConfigurations}), compares each with the
 * resource's latest item and stores a new item only for a real change (discovered, changed, deleted), then tells the
 * rules half and publishes the "Config Configuration Item Change" event. One account and region is recorded under its
 * {@link ItemStore.RegionItems} monitor and the live state is read inside it, so items follow each other in the order
 * the state did.
 */
final class ResourceRecorder {
    private static final Logger LOG = Logger.getLogger(ResourceRecorder.class.getName());

    private final EmulatorContext context;
    private final Setups setups;
    private final ItemStore items;
    private final ItemChangeEvents events;
    private final ChangeNotifications notifications;
    /** Per account and region, the last state id given, so items recorded in one instant still order. */
    private final Map<String, Long> lastStateIds = new HashMap<>();

    ResourceRecorder(EmulatorContext context, Setups setups, ItemStore items,
                     ItemChangeEvents events) {
        this.context = context;
        this.setups = setups;
        this.items = items;
        this.events = events;
        this.notifications = new ChangeNotifications(context.bus(), setups);
    }


    /** Re-reads the given types in one account and region, if its recorder is recording them. */
    void record(String accountId, String region, Set<String> types) {
        RecordingSetup setup = setups.find(accountId, region);
        RecordingGroup group = setup == null ? null : setup.recordingGroup();
        if (group == null) {
            return;
        }
        List<ConfigurationItemChange> changes = new ArrayList<>();
        ItemStore.RegionItems stored = items.region(accountId, region);
        synchronized (stored) {
            for (String type : RecordingGroup.SUPPORTED) {
                if (types.contains(type) && group.records(type)) {
                    recordType(accountId, region, type, stored, changes);
                }
            }
        }
        for (ConfigurationItemChange change : changes) {
            items.tell(change);
            events.publish(change);
        }
    }

    /** Re-reads the given types in every region of the account whose recorder records them (global IAM). */
    void recordEverywhere(String accountId, Set<String> types) {
        for (String region : setups.regionsOf(accountId)) {
            record(accountId, region, types);
        }
    }

    private void recordType(String accountId, String region, String type, ItemStore.RegionItems stored,
                            List<ConfigurationItemChange> changes) {
        List<Resource> live;
        try {
            live = context.bus().ask(new DescribeResourceConfigurations(accountId, region, type)).resources();
        } catch (NoHandlerException ownerLeftOut) {
            return;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read the configuration of " + type, e);
            return;
        }
        Instant now = context.clock().now();
        Set<String> present = new HashSet<>();
        for (Resource r : live) {
            present.add(r.resourceId());
            ObjectNode previous = stored.latest(type, r.resourceId());
            boolean discovered = previous == null || ConfigItems.deleted(previous);
            ObjectNode item = ConfigItems.item(accountId, region, type, r,
                    discovered ? ConfigItems.DISCOVERED : ConfigItems.OK, now, 0);
            if (!discovered && ConfigItems.sameState(previous, item)) {
                continue;
            }
            item.put("configurationStateId", nextStateId(accountId, region, now));
            stored.add(item);
            changes.add(change(accountId, region, discovered ? null : previous, item, now));
        }
        for (ObjectNode last : stored.latestOfType(type)) {
            if (!ConfigItems.deleted(last) && !present.contains(last.path("resourceId").asText())) {
                ObjectNode gone = ConfigItems.deletedItem(last, now, nextStateId(accountId, region, now));
                stored.add(gone);
                changes.add(change(accountId, region, last, gone, now));
            }
        }
    }

    /**
     * A change with its notification, made under the region's monitor so that notifications follow the items' order
     * (an oversized one is written to S3 first, which never calls back into Config).
     */
    private ConfigurationItemChange change(String accountId, String region, ObjectNode previous, ObjectNode current,
                                           Instant now) {
        return new ConfigurationItemChange(accountId, region, previous, current,
                notifications.of(accountId, region, previous, current, now));
    }

    /** The capture time in epoch milliseconds, moved on by one when the clock has not (a virtual clock standing). */
    private long nextStateId(String accountId, String region, Instant now) {
        synchronized (lastStateIds) {
            String key = accountId + "/" + region;
            long id = Math.max(now.toEpochMilli(), lastStateIds.getOrDefault(key, 0L) + 1);
            lastStateIds.put(key, id);
            return id;
        }
    }

    void reset() {
        synchronized (lastStateIds) {
            lastStateIds.clear();
        }
    }
}
