package io.selfheal.emulator.core;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * AWS-shaped identifiers, one generator per emulator. {@link #random()} (the default, and {@code serve}) draws them at
 * random. {@link #seeded(String)} (scenario runs) derives them from a seed, so two runs of one scenario produce the
 * same instance ids, event ids and request ids and can be diffed: each kind of id has its own stream (the
 * {@code purpose} of a uuid, the prefix of a hex id), so ids of one kind do not shift when another kind's calls
 * interleave differently.
 */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SECRET_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    /** Null when random; else the seed every stream derives from. */
    private final String seed;
    private final Map<String, SplittableRandom> streams = new ConcurrentHashMap<>();

    private Ids(String seed) {
        this.seed = seed;
    }

    public static Ids random() {
        return new Ids(null);
    }

    /** Ids that are the same for the same seed and the same order of requests of each kind. */
    public static Ids seeded(String seed) {
        return new Ids(seed);
    }

    public boolean isSeeded() {
        return seed != null;
    }

    /**
     * A version 4 UUID (request ids, event ids, message ids …).
     *
     * @param purpose names the stream a seeded generator draws it from ({@code "request"}, {@code "event"} …)
     */
    public String uuid(String purpose) {
        if (seed == null) {
            // ThreadLocalRandom, not UUID.randomUUID(): these ids only have to be unique, and the JDK's SecureRandom
            // reads /dev/urandom under a global lock on every call (two system calls per PutEvents, on the event loop).
            ThreadLocalRandom random = ThreadLocalRandom.current();
            return versionFour(random.nextLong(), random.nextLong());
        }
        SplittableRandom r = stream("uuid:" + purpose);
        long most;
        long least;
        synchronized (r) {
            most = r.nextLong();
            least = r.nextLong();
        }
        return versionFour(most, least);
    }

    /**
     * The {@code index}th uuid of {@code purpose}: when seeded, derived from the seed, the purpose and the index
     * alone, so an id drawn on whichever thread runs first is still the same for the same index (events numbered
     * where they are created but enveloped concurrently).
     */
    public String uuid(String purpose, long index) {
        if (seed == null) {
            return uuid(purpose);
        }
        SplittableRandom r = new SplittableRandom(digest(seed + "\u0000uuid:" + purpose + "\u0000" + index));
        return versionFour(r.nextLong(), r.nextLong());
    }

    /** The version (4) and variant (IETF) bits set, as UUID.randomUUID sets them. */
    private static String versionFour(long most, long least) {
        return new UUID((most & ~0xF000L) | 0x4000L, (least & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString();
    }

    /** {@code prefix-} followed by {@code length} lowercase hex digits, e.g. {@code i-0abc…} (17 for instances). */
    public String hex(String prefix, int length) {
        StringBuilder sb = new StringBuilder(prefix.length() + 1 + length).append(prefix).append('-');
        append(sb, "hex:" + prefix, length, HEX);
        return sb.toString();
    }

    /** An IAM-style unique id or access key: a four-letter prefix such as {@code ASIA} and 16 characters. */
    public String iamId(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        append(sb, "iam:" + prefix, 16, UPPER_ALNUM);
        return sb.toString();
    }

    /** A string of {@code length} Base64-alphabet characters (secrets, tokens, signatures). */
    public String secret(int length) {
        StringBuilder sb = new StringBuilder(length);
        append(sb, "secret", length, SECRET_CHARS);
        return sb.toString();
    }

    /** {@code count} bytes as two hex digits each, separated by {@code :} (a MAC address's last bytes). */
    public String hexBytes(String purpose, int count) {
        StringBuilder sb = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            append(i == 0 ? sb : sb.append(':'), "bytes:" + purpose, 2, HEX);
        }
        return sb.toString();
    }

    private void append(StringBuilder sb, String stream, int length, char[] alphabet) {
        if (seed == null) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < length; i++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            return;
        }
        SplittableRandom r = stream(stream);
        synchronized (r) {
            for (int i = 0; i < length; i++) {
                sb.append(alphabet[r.nextInt(alphabet.length)]);
            }
        }
    }

    private SplittableRandom stream(String name) {
        return streams.computeIfAbsent(name, n -> new SplittableRandom(digest(seed + "\u0000" + n)));
    }

    /** A seed from a name that is the same in every JVM (String#hashCode is too, but collides easily). */
    private static long digest(String text) {
        return ByteBuffer.wrap(Digests.sha256(text)).getLong();
    }
}
