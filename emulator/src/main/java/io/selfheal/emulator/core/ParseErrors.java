package io.selfheal.emulator.core;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Words a parser's refusal for the client: what went wrong and where, never the parser's own extras (Jackson's
 * messages name its classes and features: {@code StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION}, {@code JsonNode}).
 */
public final class ParseErrors {
    /** Jackson's suffixes: {@code at [Source: REDACTED (`StreamReadFeature…` disabled); line: 1, column: 7]} …. */
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(start marker )?at \\[Source: .*?; line: \\d+, "
            + "column: \\d+\\]\\)?|\\s*\\(through reference chain: [^)]*\\)|\\s*\\(bound as `[^`]*`\\)",
            Pattern.DOTALL);
    /** Clauses that only name a Jackson setting, and any other {@code `code`} or class name left. */
    private static final Pattern CODE = Pattern.compile(":? not allowed as per `[^`]*`|, from `[^`]*`"
            + "|`[^`]*`|\\b(com\\.fasterxml|java)\\.[\\w.$]+");

    private ParseErrors() {
    }

    /** {@code " at line 1, column 7"}, {@code " at byte 12"}, or empty when the parser did not say. */
    public static String where(IOException e) {
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

    /** The parser's first line without its internals, then {@link #where}. */
    public static String describe(IOException e) {
        String original = e instanceof JsonProcessingException parse && parse.getOriginalMessage() != null
                ? parse.getOriginalMessage() : "";
        int newline = original.indexOf('\n');
        String first = newline < 0 ? original : original.substring(0, newline);
        String plain = CODE.matcher(SOURCE.matcher(first).replaceAll("").replaceFirst("enable `[^`]*` to allow",
                "not a JSON value")).replaceAll("").replaceAll("\\s+", " ").replaceAll("[\\s:;,(]+$", "").trim();
        return (plain.isEmpty() ? "unreadable input" : plain) + where(e);
    }
}
