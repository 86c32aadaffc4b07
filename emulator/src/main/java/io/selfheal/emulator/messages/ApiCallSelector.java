package io.selfheal.emulator.messages;

import io.selfheal.emulator.service.OperationSpec;

/**
 * Registered as an emulator component by the service that records API calls (CloudTrail): tells the front door which
 * calls to publish as {@link ApiCallCompleted}, so calls nobody records (data events such as PutEvents, SendMessage)
 * cost the hot path one lookup and no bus hand-off.
 */
@FunctionalInterface
public interface ApiCallSelector {
    boolean wants(OperationSpec operation);
}
