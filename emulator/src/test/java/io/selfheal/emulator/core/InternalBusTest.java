package io.selfheal.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Published messages are numbered per type where they are published, so a subscriber that runs after a later
 * message's subscriber (concurrent workers) still knows their order.
 */
class InternalBusTest {
    private record Happened(String what) {
    }

    private record Other(String what) {
    }

    @Test
    void anInOrderSubscriberGetsPublicationNumbersWhateverOrderItRunsIn() {
        List<Runnable> queued = new ArrayList<>();
        InternalBus bus = new InternalBus(queued::add, new ActivityTracker());
        List<String> received = new CopyOnWriteArrayList<>();
        bus.subscribeInOrder(Happened.class, (m, number) -> received.add(number + ":" + m.what()));
        bus.subscribe(Other.class, m -> { });

        bus.publish(new Happened("pending"));
        bus.publish(new Other("not counted with Happened"));
        bus.publish(new Happened("running"));
        // The workers run the later message first.
        Collections.reverse(queued);
        queued.forEach(Runnable::run);

        assertThat(received).containsExactly("2:running", "1:pending");
    }
}
