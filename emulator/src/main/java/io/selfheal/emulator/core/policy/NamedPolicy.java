package io.selfheal.emulator.core.policy;

/** A document with the name a decision reports it by (an inline policy's name, a managed policy's ARN, …). */
public record NamedPolicy(String name, PolicyDocument document) {
}
