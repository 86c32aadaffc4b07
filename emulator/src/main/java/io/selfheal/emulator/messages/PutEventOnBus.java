package io.selfheal.emulator.messages;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.selfheal.emulator.core.BusRequest;
import java.time.Instant;
import java.util.List;

/**
 * A service puts one event on a named event bus, as Lambda sends an asynchronous invocation record to an EventBridge
 * destination. EventBridge wraps it in its envelope and routes it to the bus's rules. The answer is refused with
 * {@code ResourceNotFoundException} when the bus does not exist. Ask with {@code bus.ask(new PutEventOnBus(…))}.
 *
 * @param busArn     {@code arn:aws:events:<region>:<account>:event-bus/<name>}
 * @param source     e.g. {@code lambda}
 * @param detailType e.g. {@code Lambda Function Invocation Result - Failure}
 * @param resources  ARNs of the resources involved (may be empty)
 * @param detail     the event's {@code detail}
 * @param time       when it happened (emulator clock)
 */
public record PutEventOnBus(String busArn, String source, String detailType, List<String> resources,
                            ObjectNode detail, Instant time) implements BusRequest<Delivery> {
}
