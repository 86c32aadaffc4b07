package io.selfheal.emulator.frontdoor;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/**
 * Words a body the parser refused for the client: where it went wrong, never the parser's own message (which names
 * Jackson's classes and features).
 */
final class BodyErrors {
    private BodyErrors() {
    }

    /** {@code " at line 1, column 7"}, {@code " at byte 12"}, or empty when the parser did not say. */
    static String where(IOException e) {
        if (e instanceof JsonProcessingException parse && parse.getLocation() != null) {
            JsonLocation at = parse.getLocation();
            if (at.getLineNr() > 0 && at.getColumnNr() > 0) {
                return " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            }
            if (at.getByteOffset() >= 0) {
                return " at byte " + at.getByteOffset();
            }
        }
        return "";
    }
}
