package io.selfheal.emulator.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Runs a handler on the worker and puts its {@link HttpResponse} on the wire: bytes in one piece, a file as a region. */
final class ResponseWriter {
    private static final Logger LOG = Logger.getLogger(ResponseWriter.class.getName());
    /** Response header names are the services' own constants: checking each name's characters is wasted work. */
    private static final DefaultHttpHeadersFactory RESPONSE_HEADERS =
            DefaultHttpHeadersFactory.headersFactory().withNameValidation(false);

    private ResponseWriter() {
    }

    /**
     * Hands {@code request} to {@code handler} on {@code worker}; a handler that throws gets a 500 with a plain
     * message, never a stack trace or a class name on the wire.
     *
     * @param keepAlive whether the connection may carry another request after this one's answer
     */
    static void dispatch(ChannelHandlerContext ctx, Executor worker, HttpHandler handler, HttpRequest request,
                         KeepAlive keepAlive) {
        worker.execute(() -> {
            try {
                handler.handle(request, response -> answer(ctx, request, response, keepAlive));
            } catch (RuntimeException | StackOverflowError e) {
                LOG.log(Level.WARNING, "handler failed for " + request.method() + " " + request.path(), e);
                answer(ctx, request, HttpResponse.of(500, "text/plain", "internal error"), keepAlive);
            }
        });
    }

    /** Once answered, a streamed body the handler did not read to its end is dropped as it still arrives. */
    private static void answer(ChannelHandlerContext ctx, HttpRequest request, HttpResponse response,
                               KeepAlive keepAlive) {
        write(ctx, response, keepAlive.after());
        if (request.streamed() != null) {
            request.streamed().close();
        }
    }

    /** Decided when the answer is written: a streamed body may still be arriving then. */
    @FunctionalInterface
    interface KeepAlive {
        boolean after();
    }

    static void write(ChannelHandlerContext ctx, HttpResponse response, boolean keepAlive) {
        ChannelFuture written = response.file() == null ? writeBytes(ctx, response, keepAlive)
                : writeFile(ctx, response, keepAlive);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static ChannelFuture writeBytes(ChannelHandlerContext ctx, HttpResponse response, boolean keepAlive) {
        DefaultFullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()),
                RESPONSE_HEADERS, DefaultHttpHeadersFactory.trailersFactory());
        response.headers().forEach((k, v) -> out.headers().set(k, v));
        // A HEAD answer states the length of the body it does not send (S3 HeadObject); else the body's own.
        if (response.body().length > 0 || !response.headers().containsKey("Content-Length")) {
            out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.body().length);
        }
        connection(out.headers(), keepAlive);
        return ctx.writeAndFlush(out);
    }

    /** The head, then the file region (sent by the kernel, zero-copy), then the end of the message. */
    private static ChannelFuture writeFile(ChannelHandlerContext ctx, HttpResponse response, boolean keepAlive) {
        FileBody file = response.file();
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), RESPONSE_HEADERS);
        response.headers().forEach((k, v) -> head.headers().set(k, v));
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, file.length());
        connection(head.headers(), keepAlive);
        ctx.write(head);
        ctx.write(new DefaultFileRegion(file.channel(), file.position(), file.length()));
        return ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    private static void connection(io.netty.handler.codec.http.HttpHeaders headers, boolean keepAlive) {
        headers.set(HttpHeaderNames.CONNECTION, keepAlive ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
    }
}
