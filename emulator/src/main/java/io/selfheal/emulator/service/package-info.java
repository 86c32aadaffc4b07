/**
 * The contract between the front door and the services. A service is one package with an {@link
 * io.selfheal.emulator.service.AwsServiceProvider} registered in {@code META-INF/services}; it registers its
 * operations in an {@link io.selfheal.emulator.service.Operations} table, each an {@link
 * io.selfheal.emulator.service.OperationSpec} that keeps the operation's facts with its handler (read or write,
 * CloudTrail event category, IAM action and resources, blocking, REST route). Adding an operation is one class or
 * method plus one registration; adding a service touches no shared switch or table.
 */
package io.selfheal.emulator.service;
