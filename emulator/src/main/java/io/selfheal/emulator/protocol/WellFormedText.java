package io.selfheal.emulator.protocol;

/**
 * Text a writer can always encode. Java strings may hold what no wire format does — an unpaired surrogate (a JSON
 * escape of half a pair), control characters XML 1.0 forbids even as character references — and one such
 * string stored by a client must not make every later answer that contains it unparseable or a 500. Each is
 * replaced by U+FFFD, the replacement character; well-formed text (the common case) is returned as it is.
 */
final class WellFormedText {
    private static final char REPLACEMENT = '\uFFFD';

    private WellFormedText() {
    }

    /** For UTF-8 encoders (CBOR): unpaired surrogates replaced. */
    static String utf8(String s) {
        return needsRepair(s, false) ? repair(s, false) : s;
    }

    /** For XML 1.0 text: unpaired surrogates and the characters outside XML's {@code Char} production replaced. */
    static String xml(String s) {
        return needsRepair(s, true) ? repair(s, true) : s;
    }

    private static boolean needsRepair(String s, boolean xml) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c) || xml && forbiddenInXml(c)) {
                return true;
            }
        }
        return false;
    }

    private static String repair(String s, boolean xml) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c) || xml && forbiddenInXml(c)) {
                out.append(REPLACEMENT);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** XML 1.0's {@code Char}: tab, newline, carriage return, and U+0020 up, less U+FFFE and U+FFFF. */
    private static boolean forbiddenInXml(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF;
    }
}
