package io.selfheal.emulator.services.cloudwatch;

/** A metric dimension: {@code InstanceId = i-…}. */
record Dimension(String name, String value) {
}
