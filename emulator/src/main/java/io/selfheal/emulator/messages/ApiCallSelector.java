package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.EmulatorContext;
import io.selfheal.emulator.service.OperationSpec;

/**
 * Registered as an emulator component by the services that act on answered API calls (CloudTrail records them,
 * Config re-reads what a write changed): tells the front door which calls to publish as {@link ApiCallCompleted}, so
 * calls nobody wants (data events such as PutEvents, SendMessage) cost the hot path one lookup and no bus hand-off.
 */
@FunctionalInterface
public interface ApiCallSelector {
    boolean wants(OperationSpec operation);

    /**
     * Adds a selector beside those registered before it (services are created one after another, before the front
     * door reads the component): a call is published when any of them wants it.
     */
    static void register(EmulatorContext context, ApiCallSelector selector) {
        ApiCallSelector before;
        try {
            before = context.component(ApiCallSelector.class);
        } catch (IllegalStateException none) {
            before = null;
        }
        ApiCallSelector earlier = before;
        context.register(ApiCallSelector.class,
                earlier == null ? selector : op -> earlier.wants(op) || selector.wants(op));
    }
}
