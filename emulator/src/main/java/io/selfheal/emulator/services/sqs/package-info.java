/**
 * Amazon SQS: standard and FIFO queues, visibility timeouts, delays, long polling, redrive to dead-letter queues,
 * and delivery from other services over the bus ({@link io.selfheal.emulator.messages.SendToQueue}) checked against
 * the queue policy. One operation table answers both wire protocols SQS speaks: AWS JSON 1.0 in query-compatible
 * mode (current SDKs) and AWS query (older SDKs and CLIs), whose request and result shapes {@link SqsQueryShapes}
 * translates. All timing reads the emulator clock; on a virtual clock a long poll wakes by a clock timer (see
 * {@code Receiver}).
 */
package io.selfheal.emulator.services.sqs;
