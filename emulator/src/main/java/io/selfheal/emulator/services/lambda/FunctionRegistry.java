package io.selfheal.emulator.services.lambda;

import io.selfheal.emulator.core.RegionalStore;
import io.selfheal.emulator.core.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** The functions of every account and region, by name (sorted, as ListFunctions pages through them). */
final class FunctionRegistry {
    private final RegionalStore<ConcurrentSkipListMap<String, LambdaFunction>> store =
            new RegionalStore<>(ConcurrentSkipListMap::new);

    /** The function, or null; looks up without creating a store for the account and region an ARN names. */
    LambdaFunction find(String accountId, String region, String name) {
        ConcurrentSkipListMap<String, LambdaFunction> functions = store.find(accountId, region);
        return functions == null ? null : functions.get(name);
    }

    /**
     * The function a {@code FunctionName} (and optional {@code Qualifier}) names: in the ARN's account and region
     * if it is an ARN, else the caller's. Only {@code $LATEST} exists (no versions or aliases).
     */
    LambdaFunction require(RequestContext ctx, FunctionRef ref, String qualifier) {
        String account = ref.accountId() != null ? ref.accountId() : ctx.accountId();
        String region = ref.region() != null ? ref.region() : ctx.region();
        return require(account, region, ref.name(), qualifier != null ? qualifier : ref.qualifier());
    }

    /** As {@link #require(RequestContext, FunctionRef, String)}, for operations only the owning account may call. */
    LambdaFunction requireOwned(RequestContext ctx, FunctionRef ref, String qualifier) {
        LambdaFunction function = require(ctx, ref, qualifier);
        if (!function.accountId().equals(ctx.accountId())) {
            throw LambdaErrors.accessDenied(ctx.caller().arn(), "lambda:" + ctx.operation(), function.arn());
        }
        return function;
    }

    LambdaFunction require(String accountId, String region, String name, String qualifier) {
        LambdaFunction f = find(accountId, region, name);
        String arn = FunctionRef.arn(region, accountId, name);
        if (qualifier != null && !qualifier.equals("$LATEST")) {
            throw LambdaErrors.functionNotFound(arn + ":" + qualifier);
        }
        if (f == null) {
            throw LambdaErrors.functionNotFound(qualifier != null ? arn + ":" + qualifier : arn);
        }
        return f;
    }

    /** @return false when a function of that name exists already */
    boolean add(LambdaFunction function) {
        return store.get(function.accountId(), function.region()).putIfAbsent(function.name(), function) == null;
    }

    boolean remove(LambdaFunction function) {
        return store.get(function.accountId(), function.region()).remove(function.name(), function);
    }

    List<LambdaFunction> list(String accountId, String region) {
        return new ArrayList<>(store.get(accountId, region).values());
    }

    List<LambdaFunction> all() {
        List<LambdaFunction> all = new ArrayList<>();
        store.all().forEach(functions -> all.addAll(functions.values()));
        return all;
    }

    void clear() {
        store.reset();
    }
}
