package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One recorded change: the new item and the one it replaces, both in the notification shape of
 * {@link ConfigurationItems}. This is what a {@code Config Configuration Item Change} event and a custom rule's
 * {@code ConfigurationItemChangeNotification} are made of.
 *
 * @param previous the resource's previous item, or null when it was just discovered
 * @param current  the new item; {@code configurationItemStatus} {@code ResourceDeleted} when the resource went away
 * @param notification what AWS sends for it (events, change-triggered custom rules): the full
 *                     {@code ConfigurationItemChangeNotification}, or its oversized summary
 *                     ({@link ChangeNotifications})
 */
public record ConfigurationItemChange(String accountId, String region, ObjectNode previous, ObjectNode current,
                                      ObjectNode notification) {
}
