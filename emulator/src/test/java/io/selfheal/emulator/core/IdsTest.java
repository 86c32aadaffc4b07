package io.selfheal.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Seeded ids repeat per seed and per kind; random ids (the default, and {@code serve}) do not. */
class IdsTest {
    @Test
    void theSameSeedGivesTheSameIdsInTheSameOrder() {
        Ids a = Ids.seeded("high-cpu-reboot");
        Ids b = Ids.seeded("high-cpu-reboot");
        for (int i = 0; i < 3; i++) {
            assertThat(a.hex("i", 17)).isEqualTo(b.hex("i", 17));
            assertThat(a.uuid("request")).isEqualTo(b.uuid("request"));
            assertThat(a.iamId("ASIA")).isEqualTo(b.iamId("ASIA"));
        }
        assertThat(Ids.seeded("other").hex("i", 17)).isNotEqualTo(Ids.seeded("high-cpu-reboot").hex("i", 17));
    }

    @Test
    void eachKindOfIdIsItsOwnSequence() {
        Ids a = Ids.seeded("s");
        Ids b = Ids.seeded("s");
        a.uuid("request");
        a.uuid("request");
        // Request ids drawn in between do not shift the next event id or instance id.
        assertThat(a.uuid("event")).isEqualTo(b.uuid("event"));
        assertThat(a.hex("i", 17)).isEqualTo(b.hex("i", 17));
    }

    /** An indexed uuid depends on the index, not on when it is drawn (events enveloped on concurrent threads). */
    @Test
    void anIndexedUuidIsTheSameWhateverOrderItIsDrawnIn() {
        Ids a = Ids.seeded("s");
        Ids b = Ids.seeded("s");
        String first = a.uuid("service-event", 1);
        String second = a.uuid("service-event", 2);
        assertThat(b.uuid("service-event", 2)).isEqualTo(second);
        assertThat(b.uuid("service-event", 1)).isEqualTo(first);
        assertThat(first).isNotEqualTo(second);
        assertThat(UUID.fromString(first).version()).isEqualTo(4);
        assertThat(Ids.seeded("other").uuid("service-event", 1)).isNotEqualTo(first);
    }

    @Test
    void idsHaveAwsShapes() {
        for (Ids ids : new Ids[] {Ids.seeded("s"), Ids.random()}) {
            assertThat(UUID.fromString(ids.uuid("request")).version()).isEqualTo(4);
            assertThat(UUID.fromString(ids.uuid("request")).variant()).isEqualTo(2);
            assertThat(ids.hex("i", 17)).matches("i-[0-9a-f]{17}");
            assertThat(ids.iamId("AROA")).matches("AROA[A-Z2-7]{16}");
            assertThat(ids.hexBytes("mac", 5)).matches("[0-9a-f]{2}(:[0-9a-f]{2}){4}");
            assertThat(ids.secret(40)).hasSize(40);
        }
    }

    @Test
    void randomIdsDiffer() {
        assertThat(Ids.random().hex("i", 17)).isNotEqualTo(Ids.random().hex("i", 17));
        assertThat(Ids.random().isSeeded()).isFalse();
    }

    /** Request and event ids must still read as random UUIDs (RFC 4122 version 4) to SDKs and to users' code. */
    @Test
    void randomUuidsAreVersionFourAndDistinct() {
        Ids ids = Ids.random();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = ids.uuid("request");
            assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            seen.add(id);
        }
        assertThat(seen).hasSize(10_000);
    }
}
