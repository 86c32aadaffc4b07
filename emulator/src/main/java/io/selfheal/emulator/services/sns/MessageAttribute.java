package io.selfheal.emulator.services.sns;

/**
 * One message attribute as published.
 *
 * @param dataType {@code String}, {@code String.Array}, {@code Number} or {@code Binary}, optionally with a custom
 *                 suffix ({@code Number.float})
 * @param value    the string value, or for Binary the base64 of the bytes (as the notification JSON carries it)
 */
record MessageAttribute(String dataType, String value) {
    boolean binary() {
        return dataType.startsWith("Binary");
    }

    boolean number() {
        return dataType.startsWith("Number");
    }

    boolean stringArray() {
        return dataType.equals("String.Array");
    }
}
