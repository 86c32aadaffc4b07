package io.selfheal.emulator.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** AWS-shaped identifiers. */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Ids() {
    }

    /**
     * A random (version 4) UUID for request ids, event ids and message ids. From {@link ThreadLocalRandom}, not
     * {@link UUID#randomUUID()}: these ids only have to be unique, and the JDK's SecureRandom reads /dev/urandom
     * under a global lock on every call (two system calls per PutEvents, on the event loop).
     */
    public static String uuid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** {@code prefix-} followed by {@code length} lowercase hex digits, e.g. {@code i-0abc…} (17 for instances). */
    public static String hex(String prefix, int length) {
        StringBuilder sb = new StringBuilder(prefix.length() + 1 + length).append(prefix).append('-');
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            sb.append(HEX[random.nextInt(16)]);
        }
        return sb.toString();
    }

    /** An IAM-style unique id or access key: a four-letter prefix such as {@code ASIA} and 16 characters. */
    public static String iamId(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 16; i++) {
            sb.append(UPPER_ALNUM[random.nextInt(UPPER_ALNUM.length)]);
        }
        return sb.toString();
    }

    /** A random string of {@code length} alphanumeric characters (secrets, tokens). */
    public static String secret(int length) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        StringBuilder sb = new StringBuilder(length);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }
}
