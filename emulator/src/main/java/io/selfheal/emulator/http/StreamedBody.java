package io.selfheal.emulator.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A request body read by its handler (on a worker thread) while the event loop is still receiving it. Memory stays
 * bounded: above {@link #PAUSE_ABOVE} queued bytes the connection stops reading from the socket (TCP then slows the
 * client down) until the handler has caught up below {@link #RESUME_BELOW}.
 * <p>An {@code Expect: 100-continue} is answered on the handler's first read, so a request refused before its body
 * is needed (no such bucket, access denied, too large) is answered without the client sending the body.
 * A client that goes away mid-body makes the next read throw {@link BodyInterruptedException}.
 */
public final class StreamedBody extends InputStream {
    static final int PAUSE_ABOVE = 1024 * 1024;
    static final int RESUME_BELOW = 256 * 1024;

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ByteBuf> chunks = new ArrayDeque<>();
    private long queued;
    private boolean ended;
    private boolean abandoned;
    private final boolean expectsContinue;
    private boolean continuePending;
    private IOException failure;

    StreamedBody(Channel channel, boolean expectsContinue) {
        this.channel = channel;
        this.expectsContinue = expectsContinue;
        this.continuePending = expectsContinue;
    }

    /** Event loop: a piece of the body arrived ({@code content} is retained here and released once read). */
    void offer(ByteBuf content, boolean last) {
        lock.lock();
        try {
            if (abandoned || failure != null) {
                ended |= last;
                return;
            }
            if (content.isReadable()) {
                chunks.add(content.retain());
                queued += content.readableBytes();
                if (queued > PAUSE_ABOVE) {
                    channel.config().setAutoRead(false);
                }
            }
            ended |= last;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Event loop: the connection closed or the body could not be decoded before its end. */
    void fail(IOException cause) {
        lock.lock();
        try {
            if (!ended && failure == null) {
                failure = cause;
                releaseQueued();
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the connection can carry another request once this one is answered: yes when the body has arrived, or
     * is still arriving and will be dropped to its end; no when the client waits for a 100 Continue it will not get
     * (it may send the body or not, so the next bytes on the connection mean nothing certain).
     */
    public boolean inStep() {
        lock.lock();
        try {
            return ended || !(expectsContinue && continuePending);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            sendContinue();
            while (chunks.isEmpty() && !ended && failure == null && !abandoned) {
                changed.awaitUninterruptibly();
            }
            if (failure != null) {
                throw failure;
            }
            if (chunks.isEmpty()) {
                return -1;
            }
            ByteBuf head = chunks.peek();
            int n = Math.min(length, head.readableBytes());
            head.readBytes(into, offset, n);
            if (!head.isReadable()) {
                chunks.poll().release();
            }
            queued -= n;
            if (queued < RESUME_BELOW && !channel.config().isAutoRead()) {
                channel.config().setAutoRead(true);
            }
            return n;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int available() {
        lock.lock();
        try {
            return (int) Math.min(Integer.MAX_VALUE, queued);
        } finally {
            lock.unlock();
        }
    }

    /** The handler is done with the body, read or not: what is queued is freed and what still comes is dropped. */
    @Override
    public void close() {
        lock.lock();
        try {
            abandoned = true;
            releaseQueued();
            channel.config().setAutoRead(true);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void sendContinue() {
        if (continuePending) {
            continuePending = false;
            channel.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE));
        }
    }

    private void releaseQueued() {
        ByteBuf chunk;
        while ((chunk = chunks.poll()) != null) {
            chunk.release();
        }
        queued = 0;
    }
}
