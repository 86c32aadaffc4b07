/**
 * The AWS wire protocols. Every operation works on a JSON tree in and a JSON tree out; one codec per protocol
 * (AWS JSON 1.0/1.1, AWS query, EC2 query, REST-JSON, Smithy RPC v2 CBOR) turns the wire into that tree and the
 * result or {@link io.selfheal.emulator.core.AwsException} back into the protocol's response and error shapes.
 */
package io.selfheal.emulator.protocol;
