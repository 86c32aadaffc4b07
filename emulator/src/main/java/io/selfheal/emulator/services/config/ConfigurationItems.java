package io.selfheal.emulator.services.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The recorded configuration items of an account and region, in AWS's notification shape: {@code configuration} as
 * an object (the owning service's Describe shape), {@code configurationItemVersion} {@code "1.3"}, {@code ARN},
 * {@code awsAccountId}, {@code awsRegion}, {@code resourceType}, {@code resourceId}, {@code resourceName},
 * {@code tags}, {@code relationships} ({@code resourceId}, {@code resourceName}, {@code resourceType}, {@code name}),
 * {@code supplementaryConfiguration}, {@code configurationItemCaptureTime}, {@code configurationItemStatus}
 * ({@code OK}, {@code ResourceDiscovered}, {@code ResourceDeleted} …), {@code configurationStateId} and
 * {@code configurationStateMd5Hash}. Callers must not modify the nodes they get.
 */
public interface ConfigurationItems {

    /** The latest item of one resource (a deleted resource's last item says {@code ResourceDeleted}), or null. */
    ObjectNode latest(String accountId, String region, String resourceType, String resourceId);

    /** The latest items of every resource of a type that still exists, oldest resource first. */
    List<ObjectNode> current(String accountId, String region, String resourceType);

    /**
     * The {@code OversizedConfigurationItemChangeNotification} made when this resource's latest item was recorded,
     * or null when that item fitted a notification ({@link ChangeNotifications}).
     */
    ObjectNode oversizedNotification(String accountId, String region, String resourceType, String resourceId);

    /** Registers a listener told about every new item, after it is stored, on a bus thread. */
    void onChange(ConfigurationItemListener listener);
}
