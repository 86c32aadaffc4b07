package io.selfheal.emulator.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The one routing decision between the two request paths, taken on each request's head before anything is
 * aggregated: when the handler wants this request's body as it arrives ({@link HttpHandler#streamsBody}, S3 object
 * uploads), the head goes to the handler at once with a {@link StreamedBody} that the following content feeds; every
 * other request passes on, untouched, to be aggregated as before.
 */
final class BodyStreamingRouter extends ChannelInboundHandlerAdapter {
    private final Executor worker;
    private final HttpHandler handler;
    /** The body being streamed on this connection, until its last content arrives. */
    private StreamedBody current;

    BodyStreamingRouter(Executor worker, HttpHandler handler) {
        this.worker = worker;
        this.handler = handler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof io.netty.handler.codec.http.HttpRequest head && !(msg instanceof FullHttpRequest)
                && head.decoderResult().isSuccess()) {
            HttpRequest request = HttpRequest.ofHeaders(head.method().name(), head.uri(), firstValues(head.headers()),
                    new byte[0]);
            if (request.malformed() == null && handler.streamsBody(request)) {
                StreamedBody body = new StreamedBody(ctx.channel(), HttpUtil.is100ContinueExpected(head));
                current = body;
                boolean keepAlive = HttpUtil.isKeepAlive(head);
                ResponseWriter.dispatch(ctx, worker, handler, request.streaming(body),
                        () -> keepAlive && body.inStep());
                ReferenceCountUtil.release(msg);
                return;
            }
        } else if (msg instanceof HttpContent content && current != null) {
            feed(ctx, content);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void feed(ChannelHandlerContext ctx, HttpContent content) {
        StreamedBody body = current;
        boolean last = content instanceof LastHttpContent;
        try {
            if (!content.decoderResult().isSuccess()) {
                body.fail(new BodyInterruptedException("The request body's framing is malformed."));
                current = null;
                ctx.close();
                return;
            }
            body.offer(content.content(), last);
        } finally {
            content.release();
        }
        if (last) {
            current = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (current != null) {
            current.fail(new BodyInterruptedException("The connection closed before the whole request body arrived."));
            current = null;
        }
        super.channelInactive(ctx);
    }

    /** Headers reduced to the first value of each name, as {@link HttpRequest#headers} holds them. */
    static Map<String, String> firstValues(HttpHeaders raw) {
        Map<String, String> headers = HttpRequest.newHeaders();
        for (Map.Entry<String, String> h : raw) {
            headers.putIfAbsent(h.getKey(), h.getValue());
        }
        return headers;
    }
}
