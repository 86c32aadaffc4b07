package io.selfheal.emulator.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A region of a file to send as a response body (S3 GetObject and its ranges). The file is opened when the answer
 * is made, so a later delete or replacement of the path does not change what this answer sends; the server closes
 * the channel once the region is written or the connection is gone.
 *
 * @param channel  the open file
 * @param position the first byte to send
 * @param length   how many bytes to send
 */
public record FileBody(FileChannel channel, long position, long length) {

    public static FileBody open(Path file, long position, long length) {
        try {
            return new FileBody(FileChannel.open(file, StandardOpenOption.READ), position, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file.getFileName(), e);
        }
    }
}
