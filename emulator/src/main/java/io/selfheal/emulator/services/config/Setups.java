package io.selfheal.emulator.services.config;

import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link RecordingSetup} of every account and region, and which regions of an account have one (global IAM). */
final class Setups {
    private final RegionalStore<RecordingSetup> store = new RegionalStore<>(RecordingSetup::new);
    private final Map<String, Set<String>> regions = new ConcurrentHashMap<>();

    /** The caller's setup, made on first use. */
    RecordingSetup get(RequestContext ctx) {
        RecordingSetup setup = store.get(ctx);
        regions.computeIfAbsent(ctx.accountId(), a -> ConcurrentHashMap.newKeySet()).add(ctx.region());
        return setup;
    }

    /** An account and region's setup, or null when it never had one. */
    RecordingSetup find(String accountId, String region) {
        return store.find(accountId, region);
    }

    Set<String> regionsOf(String accountId) {
        return regions.getOrDefault(accountId, Set.of());
    }

    void reset() {
        store.reset();
        regions.clear();
    }
}
