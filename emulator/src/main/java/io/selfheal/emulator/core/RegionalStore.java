package io.selfheal.emulator.core;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A service's state, one instance per account and region, as AWS partitions resources.
 *
 * @param <T> the per-region state of one service
 */
public final class RegionalStore<T> {
    private record Key(String accountId, String region) {
    }

    private final Map<Key, T> states = new ConcurrentHashMap<>();
    private final Supplier<T> factory;

    public RegionalStore(Supplier<T> factory) {
        this.factory = factory;
    }

    public T get(String accountId, String region) {
        return states.computeIfAbsent(new Key(accountId, region), k -> factory.get());
    }

    public T get(RequestContext ctx) {
        return get(ctx.accountId(), ctx.region());
    }

    public Collection<T> all() {
        return states.values();
    }

    public void reset() {
        states.clear();
    }
}
