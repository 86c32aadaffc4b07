package io.selfheal.emulator.services.cloudwatch;

import java.time.Instant;

import java.util.List;

/**
 * A state change, frozen when it happened: actions run after the region's lock is released (they ask other services
 * over the bus), and must see the alarm as it was at the transition. {@code cascade} holds the actions of the
 * composite alarms the change moved.
 */
record AlarmTransition(String arn, String accountId, String region, String metricId, AlarmDefinition definition,
                       Instant configurationUpdated, AlarmState previous, AlarmState current,
                       List<AlarmActions.Request> cascade) {
}
