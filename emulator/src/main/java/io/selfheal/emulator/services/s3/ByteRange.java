package io.selfheal.emulator.services.s3;

import io.selfheal.emulator.core.AwsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code Range: bytes=…} of RFC 9110 as GetObject takes it: {@code first-last}, {@code first-} or {@code -suffix}.
 * A header S3 cannot read (several ranges, another unit) is ignored and the whole object returned, as S3 does; a
 * range that starts past the end is {@code InvalidRange} (416).
 */
record ByteRange(long first, long last) {
    private static final Pattern ONE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    long length() {
        return last - first + 1;
    }

    /** @return the range within an object of {@code size} bytes, or null for the whole object */
    static ByteRange of(String header, long size) {
        if (header == null) {
            return null;
        }
        Matcher m = ONE.matcher(header.trim());
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return null;
        }
        try {
            if (m.group(1).isEmpty()) {
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0) {
                    throw invalid(size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (first >= size) {
                throw invalid(size);
            }
            return first > last ? null : new ByteRange(first, last);
        } catch (NumberFormatException tooLong) {
            return null;
        }
    }

    private static AwsException invalid(long size) {
        return new AwsException("InvalidRange", "The requested range is not satisfiable", 416)
                .withField("ActualObjectSize", Long.toString(size));
    }

    String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
