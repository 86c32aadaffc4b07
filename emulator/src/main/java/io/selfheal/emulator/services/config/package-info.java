/**
 * AWS Config (JSON 1.1, target prefix {@code StarlingDoveService}, signing name {@code config}).
 *
 * <p>Two halves meet at two small interfaces so that each can grow alone:
 * <ul>
 *   <li><b>Recording</b> — the configuration recorder, the delivery channel and the configuration items of the
 *       resources remediations care about, recorded from the live state of the owning services whenever it changes.
 *       It implements {@link io.selfheal.emulator.services.config.ConfigurationItems} and tells listeners about
 *       every {@link io.selfheal.emulator.services.config.ConfigurationItemChange}.</li>
 *   <li><b>Rules</b> — Config rules, their evaluation (managed rules natively, through
 *       {@link io.selfheal.emulator.services.config.ManagedRule}; custom Lambda rules by invoking the function as AWS
 *       does), compliance and the compliance-change events.</li>
 * </ul>
 * Configuration items travel between them in AWS's <em>notification</em> shape: the {@code configurationItem} of a
 * {@code ConfigurationItemChangeNotification}, the very object a custom rule's {@code invokingEvent} carries
 * (https://docs.aws.amazon.com/config/latest/developerguide/evaluate-config_develop-rules_example-events.html).
 */
package io.selfheal.emulator.services.config;
