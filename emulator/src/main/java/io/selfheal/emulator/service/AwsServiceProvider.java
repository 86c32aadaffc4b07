package io.selfheal.emulator.service;

import io.selfheal.emulator.core.EmulatorContext;

/**
 * The {@link java.util.ServiceLoader} entry point of a service package: list the implementation in
 * {@code META-INF/services/io.selfheal.emulator.service.AwsServiceProvider}.
 */
public interface AwsServiceProvider {
    AwsService create(EmulatorContext context);
}
