/**
 * Lambda's event source mappings for Amazon SQS ("Using Lambda with Amazon SQS"): the
 * Create/Get/List/Update/DeleteEventSourceMapping operations and one {@link
 * io.selfheal.emulator.services.lambda.esm.SqsPoller} per mapping, which receives over the bus (SQS answers with
 * the queue's visibility timeout and redrive policy), invokes the function synchronously with AWS's SQS event and
 * deletes what succeeded. It reaches functions only through {@link
 * io.selfheal.emulator.services.lambda.esm.MappedFunctions}, which the Lambda service implements.
 */
package io.selfheal.emulator.services.lambda.esm;
