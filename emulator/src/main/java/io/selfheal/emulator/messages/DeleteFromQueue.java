package io.selfheal.emulator.messages;

import io.selfheal.emulator.core.BusRequest;
import java.util.List;

/**
 * A poller deletes messages it processed, by receipt handle, as DeleteMessageBatch does. A handle of a message
 * already gone is no error, as on AWS. Answers whether the queue still exists.
 */
public record DeleteFromQueue(String queueArn, List<String> receiptHandles) implements BusRequest<Boolean> {
}
