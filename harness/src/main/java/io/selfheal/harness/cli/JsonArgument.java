package io.selfheal.harness.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A command-line argument holding JSON inline, as {@code @file}, or {@code -} for standard input. */
final class JsonArgument {
    private JsonArgument() {
    }

    /** @throws IllegalArgumentException with a message for the user when the file cannot be read */
    static String read(String argument, InputStream stdin) {
        try {
            if ("-".equals(argument)) {
                return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (argument.startsWith("@")) {
                return Files.readString(Path.of(argument.substring(1)));
            }
            return argument;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(argument.substring(1) + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException(argument + ": " + e.getMessage());
        }
    }
}
