package io.selfheal.emulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Stores open only for real account IDs and region names, and lookups open none. */
class RegionalStoreTest {
    private final RegionalStore<Map<String, String>> store = new RegionalStore<>(ConcurrentHashMap::new);

    @Test
    void aRealAccountAndRegionKeepTheirState() {
        store.get("111122223333", "eu-west-1").put("k", "v");
        assertThat(store.get("111122223333", "eu-west-1")).containsEntry("k", "v");
        assertThat(store.all()).hasSize(1);
    }

    @Test
    void madeUpNamesHoldNothingAndOpenNoStore() {
        for (int i = 0; i < 100; i++) {
            store.get("123456789012", "xx-fuzz-" + i).put("k", "v");
            store.get("account-" + i, "us-east-1").put("k", "v");
        }
        assertThat(store.all()).isEmpty();
        assertThat(store.get("123456789012", "xx-fuzz-1")).isEmpty();
    }

    @Test
    void findLooksUpWithoutCreating() {
        assertThat(store.find("999999999999", "us-west-2")).isNull();
        assertThat(store.all()).isEmpty();
        store.get("999999999999", "us-west-2").put("k", "v");
        assertThat(store.find("999999999999", "us-west-2")).containsEntry("k", "v");
    }
}
