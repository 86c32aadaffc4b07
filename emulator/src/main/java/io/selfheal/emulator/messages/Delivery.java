package io.selfheal.emulator.messages;

/**
 * The answer to a delivery asked over the bus ({@link SendToQueue}, {@link PublishToTopic}, {@link PutLogEvents}):
 * accepted with the id the receiving service gave it, or refused with the error AWS would record for the sender
 * (e.g. {@code AccessDeniedException} when a queue policy does not allow {@code events.amazonaws.com}).
 */
public record Delivery(boolean accepted, String id, String errorCode, String errorMessage) {
    public static Delivery accepted(String id) {
        return new Delivery(true, id, null, null);
    }

    public static Delivery refused(String errorCode, String errorMessage) {
        return new Delivery(false, null, errorCode, errorMessage);
    }
}
