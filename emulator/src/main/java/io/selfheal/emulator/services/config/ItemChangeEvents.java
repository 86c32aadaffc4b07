package io.selfheal.emulator.services.config;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.messages.ServiceEvent;
import java.time.Instant;
import java.util.List;

/**
 * The "Config Configuration Item Change" event each recorded item sends to the default bus
 * (https://docs.aws.amazon.com/config/latest/developerguide/monitor-config-with-cloudwatchevents.html): {@code detail}
 * is the {@code ConfigurationItemChangeNotification} — {@code recordVersion}, {@code messageType},
 * {@code configurationItemDiff}, {@code notificationCreationTime} and the {@code configurationItem} — or, for an item
 * too large for it, the oversized summary ({@link ChangeNotifications}).
 */
final class ItemChangeEvents {
    static final String DETAIL_TYPE = "Config Configuration Item Change";

    private final EmulatorContext context;

    ItemChangeEvents(EmulatorContext context) {
        this.context = context;
    }

    void publish(ConfigurationItemChange change) {
        Instant now = context.clock().now();
        context.bus().publish(new ServiceEvent(change.accountId(), change.region(), "aws.config", DETAIL_TYPE,
                List.of(change.current().path("ARN").asText()), change.notification(), now));
    }
}
