package io.selfheal.emulator.services.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.selfheal.emulator.control.EventRecord;
import io.selfheal.emulator.core.Json;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event log's order is the emulator clock's, then creation order within an instant: AWS services' events by
 * the number they were published with, whichever worker logged them first; other events after them, as they arrived.
 */
class EventLogOrderTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final EventBus bus = new EventBus("default", "123456789012", "us-east-1");
    private final EventLog log = new EventLog(100);

    @Test
    void eventsOfOneInstantAreInCreationOrderWhateverOrderTheyArrive() {
        add("put-1", T0, EventLog.IN_ARRIVAL_ORDER);
        add("stopped-worker", T0, 4);
        add("put-2", T0, EventLog.IN_ARRIVAL_ORDER);
        add("stopped-web", T0, 3);
        add("earlier", T0.minusSeconds(1), 9);
        add("later", T0.plusSeconds(1), 1);

        assertThat(log.records()).extracting(EventRecord::eventId)
                .containsExactly("earlier", "stopped-web", "stopped-worker", "put-1", "put-2", "later");
    }

    private void add(String id, Instant received, long order) {
        log.add(new EventRecord(id, bus.arn(), Json.object().put("id", id), received, List.of()), bus, order);
    }
}
