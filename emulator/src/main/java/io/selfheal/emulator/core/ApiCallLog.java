package io.selfheal.emulator.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** Every API call the emulator answered, in arrival order. */
public final class ApiCallLog {
    private final ConcurrentLinkedQueue<ApiCall> calls = new ConcurrentLinkedQueue<>();

    public void record(ApiCall call) {
        calls.add(call);
    }

    public List<ApiCall> all() {
        return new ArrayList<>(calls);
    }

    public List<ApiCall> matching(Predicate<ApiCall> filter) {
        List<ApiCall> result = new ArrayList<>();
        for (ApiCall call : calls) {
            if (filter.test(call)) {
                result.add(call);
            }
        }
        return result;
    }

    public void clear() {
        calls.clear();
    }
}
