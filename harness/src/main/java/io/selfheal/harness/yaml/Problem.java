package io.selfheal.harness.yaml;

/**
 * One mistake in a file.
 *
 * @param file    the file as given
 * @param line    1-based line
 * @param column  1-based column
 * @param path    the key path, e.g. {@code stack.functions.reboot.timeout}
 * @param message what is wrong, and what would be right
 */
public record Problem(String file, int line, int column, String path, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
