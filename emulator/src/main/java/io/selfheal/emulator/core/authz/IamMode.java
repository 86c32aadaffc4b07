package io.selfheal.emulator.core.authz;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the front door treats IAM: {@code off} (no call is checked, as the emulator always was), {@code audit} (every
 * call by a non-root principal is evaluated and its decision recorded, none refused) or {@code enforce} (a denied call
 * answers AWS's access-denied error instead of running).
 */
public enum IamMode {
    OFF, AUDIT, ENFORCE;

    /** {@code off}, {@code audit} or {@code enforce}, any case. */
    public static IamMode parse(String text) {
        for (IamMode mode : values()) {
            if (mode.wireName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("IAM mode must be one of " + Arrays.stream(values()).map(IamMode::wireName)
                .collect(Collectors.joining(", ")) + ", got '" + text + "'");
    }

    /** As written on the command line and in the control API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
