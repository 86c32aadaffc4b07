package io.selfheal.emulator.services.lambda.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A sandbox's stdout and stderr, redirected by the OS into one file opened for appending.
 * <p>
 * A file rather than a pipe read by a thread, because attribution must be exact: the runtime writes a handler's
 * output before it posts the response (and its own error report before asking for the next invocation), so
 * whatever the file holds when the invocation ends is precisely what was written up to then. Reading the new
 * bytes at the end of each invocation gives that invocation its lines, with no reader thread per process and no
 * race with one.
 */
final class OutputLog implements AutoCloseable {
    /** Past this the file is emptied once an invocation has read it, so a long-lived sandbox stays small. */
    private static final long TRUNCATE_AFTER = 4L * 1024 * 1024;

    private final Path file;
    private final FileChannel channel;
    private long consumed;

    OutputLog(Path file) throws IOException {
        this.file = file;
        Files.deleteIfExists(file);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    Path file() {
        return file;
    }

    /** What was written since the last call. */
    synchronized String readNew() {
        try {
            long size = channel.size();
            if (size <= consumed) {
                return "";
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - consumed));
            long position = consumed;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) {
                    break;
                }
                position += n;
            }
            consumed = position;
            if (consumed > TRUNCATE_AFTER) {
                // The child appends (O_APPEND), so after truncation its writes land at the new end: offset 0.
                channel.truncate(0);
                consumed = 0;
            }
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "[selfheal: cannot read the sandbox output: " + e.getMessage() + "]\n";
        }
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file; the service's work directory is deleted on close anyway
        }
    }
}
