package io.selfheal.emulator.service;

/**
 * Checks on names clients choose that AWS constrains only in prose ("must contain only UTF-8 characters, and can't
 * contain ASCII control characters", as CloudWatch says of alarm names): valid Unicode — no unpaired surrogate, which
 * no UTF-8 can encode — and no C0 control character or DEL.
 */
public final class Names {
    /** The constraint as services word it in their validation messages. */
    public static final String PRINTABLE_UNICODE =
            "Member must contain only UTF-8 characters and no ASCII control characters";

    private Names() {
    }

    public static boolean printableUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
