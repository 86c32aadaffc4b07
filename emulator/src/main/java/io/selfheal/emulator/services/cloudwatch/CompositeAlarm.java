package io.selfheal.emulator.services.cloudwatch;

import java.time.Instant;

/** One composite alarm; its mutable fields change only under the owning {@link CloudWatchRegion}'s monitor. */
final class CompositeAlarm {
    final String arn;
    final String accountId;
    final String region;
    CompositeDefinition definition;
    Instant configurationUpdated;
    AlarmState state;
    /** {@code Alarm} while the current state's actions were suppressed by the suppressor alarm; else null. */
    String actionsSuppressedBy;

    CompositeAlarm(String arn, CompositeDefinition definition, Instant now) {
        this.arn = arn;
        String[] parts = arn.split(":", 6);
        this.region = parts[3];
        this.accountId = parts[4];
        this.definition = definition;
        this.configurationUpdated = now;
        this.state = AlarmState.initial(now);
    }

    /** {@code arn:aws:cloudwatch:<region>:<account>:alarm:}, which rule references by ARN start with. */
    String alarmArnPrefix() {
        return arn.substring(0, arn.length() - definition.name().length());
    }
}
