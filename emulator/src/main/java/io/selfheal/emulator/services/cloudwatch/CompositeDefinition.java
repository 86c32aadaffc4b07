package io.selfheal.emulator.services.cloudwatch;

import java.util.List;

/**
 * A composite alarm's configuration as PutCompositeAlarm sets it (every update overwrites it whole). The suppressor
 * members are null when unset.
 */
record CompositeDefinition(
        String name,
        String description,
        boolean actionsEnabled,
        List<String> okActions,
        List<String> alarmActions,
        List<String> insufficientDataActions,
        AlarmRule rule,
        String actionsSuppressor,
        Integer actionsSuppressorWaitPeriod,
        Integer actionsSuppressorExtensionPeriod) {

    List<String> actionsFor(String state) {
        return switch (state) {
            case "OK" -> okActions;
            case "ALARM" -> alarmActions;
            default -> insufficientDataActions;
        };
    }

    CompositeDefinition withActionsEnabled(boolean enabled) {
        return new CompositeDefinition(name, description, enabled, okActions, alarmActions, insufficientDataActions,
                rule, actionsSuppressor, actionsSuppressorWaitPeriod, actionsSuppressorExtensionPeriod);
    }
}
