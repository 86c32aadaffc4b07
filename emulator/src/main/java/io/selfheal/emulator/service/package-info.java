/**
 * The contract between the front door and the services. A service is one package with an {@link
 * io.selfheal.emulator.service.AwsServiceProvider} registered in {@code META-INF/services}; it lists its operations
 * by AWS name (and, for REST protocols, its routes). Adding an operation is one class or method plus one entry in
 * that list; adding a service touches no shared switch.
 */
package io.selfheal.emulator.service;
