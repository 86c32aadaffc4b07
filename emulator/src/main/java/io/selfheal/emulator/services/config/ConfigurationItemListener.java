package io.selfheal.emulator.services.config;

/** Told about each newly recorded configuration item (rules use it for configuration-change triggers). */
@FunctionalInterface
public interface ConfigurationItemListener {
    void changed(ConfigurationItemChange change);
}
