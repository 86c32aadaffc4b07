package io.selfheal.emulator.services.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Object content of any size made on the fly, never held in memory: byte {@code i} is a hash of {@code i}, so any
 * range can be produced again to compare with what S3 answers.
 */
record GeneratedObject(long size) {

    static byte at(long position) {
        long z = (position >>> 3) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z ^= z >>> 27;
        return (byte) (z >>> ((position & 7) * 8));
    }

    byte[] range(long first, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = at(first + i);
        }
        return bytes;
    }

    InputStream stream() {
        return new InputStream() {
            private long next;

            @Override
            public int read() {
                return next < size ? at(next++) & 0xff : -1;
            }

            @Override
            public int read(byte[] into, int offset, int length) {
                if (next >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - next);
                for (int i = 0; i < n; i++) {
                    into[offset + i] = at(next++);
                }
                return n;
            }
        };
    }

    /** The S3 ETag of a single-PUT object: its quoted hex MD5. */
    String etag() {
        return "\"" + md5(stream()) + "\"";
    }

    static String md5(InputStream in) {
        try (in) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[256 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                md5.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
