/**
 * The AWS front door: recognises the protocol of each request (AWS JSON by {@code X-Amz-Target}, query and EC2
 * query by {@code Action}, REST-JSON by path), finds the service (by target prefix or the SigV4 credential scope)
 * and the operation, runs it, renders the answer in the protocol's shapes and records the call in the log.
 */
package io.selfheal.emulator.frontdoor;
