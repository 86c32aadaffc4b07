package io.selfheal.emulator.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * An event that reached an event bus, and what EventBridge did with it.
 *
 * @param eventId   the envelope's {@code id}
 * @param busArn    the bus it was put on
 * @param event     the full envelope as delivered ({@code version}, {@code id}, {@code detail-type} …)
 * @param received  when it reached the bus (emulator clock)
 * @param deliveries one entry per target of every rule that matched (empty when no rule matched)
 */
public record EventRecord(String eventId, String busArn, ObjectNode event, Instant received,
                          List<TargetDelivery> deliveries) {

    /**
     * @param ruleArn      the matching rule
     * @param targetId     the target's id within the rule
     * @param targetArn    the target's ARN
     * @param input        what the target received after Input/InputPath/InputTransformer
     * @param errorCode    null when delivered; else why not (e.g. {@code AccessDeniedException})
     * @param errorMessage null when delivered
     */
    public record TargetDelivery(String ruleArn, String targetId, String targetArn, String input, String errorCode,
                                 String errorMessage) {
        public boolean delivered() {
            return errorCode == null;
        }
    }
}
