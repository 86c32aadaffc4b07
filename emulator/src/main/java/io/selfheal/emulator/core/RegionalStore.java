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

    /**
     * The state of an account and region, created on first use. A key that is no account ID or no region name
     * (from an ARN or URL a client wrote) gets a fresh state that is not kept: it holds nothing, and what is put in
     * it is gone, as in a region that does not exist; made-up names cannot open stores without bound.
     */
    public T get(String accountId, String region) {
        Key key = new Key(accountId, region);
        T existing = states.get(key);
        if (existing != null) {
            return existing; // the common case: the names were checked when the store opened
        }
        if (!AccountsAndRegions.isAccountId(accountId) || !AccountsAndRegions.isRegion(region)) {
            return factory.get();
        }
        return states.computeIfAbsent(key, k -> factory.get());
    }

    /** The state of an account and region if anything made it, else null: for lookups by a client's ARN or URL. */
    public T find(String accountId, String region) {
        return states.get(new Key(accountId, region));
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
