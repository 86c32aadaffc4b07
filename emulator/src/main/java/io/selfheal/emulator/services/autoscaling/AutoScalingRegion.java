package io.selfheal.emulator.services.autoscaling;

import java.util.LinkedHashMap;
import java.util.Map;

/** Auto Scaling's state in one account and region; read and written under this object's monitor. */
final class AutoScalingRegion {
    final Map<String, LaunchConfiguration> launchConfigurations = new LinkedHashMap<>();
    final Map<String, Group> groups = new LinkedHashMap<>();
}
