package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.core.Json;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Instant;
import java.util.List;

/**
 * The "Config Configuration Item Change" event each recorded item sends to the default bus
 * (https://docs.aws.amazon.com/config/latest/developerguide/monitor-config-with-cloudwatchevents.html): {@code detail}
 * is the {@code ConfigurationItemChangeNotification} — {@code recordVersion}, {@code messageType},
 * {@code configurationItemDiff}, {@code notificationCreationTime} and the {@code configurationItem}.
 */
final class ItemChangeEvents {
    static final String DETAIL_TYPE = "Config Configuration Item Change";

    private final EmulatorContext context;

    ItemChangeEvents(EmulatorContext context) {
        this.context = context;
    }

    /** The notification of one change, as events and custom rules carry it. */
    static ObjectNode notification(ConfigurationItemChange change, Instant now) {
        ObjectNode detail = Json.object().put("recordVersion", "1.3")
                .put("messageType", "ConfigurationItemChangeNotification");
        detail.set("configurationItemDiff", ItemDiff.of(change.previous(), change.current()));
        detail.put("notificationCreationTime", now.toString());
        detail.set("configurationItem", change.current());
        return detail;
    }

    void publish(ConfigurationItemChange change) {
        Instant now = context.clock().now();
        context.bus().publish(new ServiceEvent(change.accountId(), change.region(), "aws.config", DETAIL_TYPE,
                List.of(change.current().path("ARN").asText()), notification(change, now), now));
    }
}
