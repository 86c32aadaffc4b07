package io.selfheal.emulator.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A minimal HTTP/1.1 server on Netty. Requests are aggregated (bodies up to {@link #MAX_BODY}, also once
 * decompressed: {@link ContentDecoding}) unless the handler reads their body as it arrives
 * ({@link HttpHandler#streamsBody}, routed by {@link BodyStreamingRouter}: S3 object uploads of any size), handed to the
 * handler on {@code worker} so that blocking service logic never runs on an event loop, and answered with
 * keep-alive. Every request is answered: one whose head Netty could not decode (a header too long or with control
 * characters), whose URI or whose body encoding is malformed reaches the handler marked
 * {@link HttpRequest#malformed()}, to be refused in the protocol's shape its headers announce (the connection is then
 * closed); bytes that are not HTTP at all get a plain 400; and a handler that throws gets a 500 with a plain
 * message, never a stack trace or a class name on the wire.
 */
public final class NettyHttpServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NettyHttpServer.class.getName());
    /** Lambda accepts 50 MB zip uploads, base64 in JSON: leave room. */
    public static final int MAX_BODY = 80 * 1024 * 1024;

    private final Channel channel;

    private NettyHttpServer(Channel channel) {
        this.channel = channel;
    }

    public static NettyHttpServer start(EventLoopGroup group, String host, int port, Executor worker,
                                        HttpHandler handler) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new BodyStreamingRouter(worker, handler))
                                .addLast(new HttpServerExpectContinueHandler())
                                .addLast(new HttpObjectAggregator(MAX_BODY))
                                .addLast(new RequestHandler(worker, handler));
                    }
                });
        try {
            Channel channel = bootstrap.bind(host, port).sync().channel();
            return new NettyHttpServer(channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding " + host + ":" + port, e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }

    /** The aggregated path: every request whose body is not streamed ({@link BodyStreamingRouter}). */
    private static final class RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        private final Executor worker;
        private final HttpHandler handler;

        RequestHandler(Executor worker, HttpHandler handler) {
            this.worker = worker;
            this.handler = handler;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest msg) {
            boolean keepAlive = HttpUtil.isKeepAlive(msg) && msg.decoderResult().isSuccess();
            Map<String, String> headers = BodyStreamingRouter.firstValues(msg.headers());
            byte[] body = new byte[msg.content().readableBytes()];
            msg.content().readBytes(body);
            HttpRequest request = msg.decoderResult().isSuccess()
                    ? decoded(HttpRequest.ofHeaders(msg.method().name(), msg.uri(), headers, body))
                    // What was read of the head still says which protocol to refuse in; the stream is then closed.
                    : HttpRequest.ofHeaders(msg.method().name(), msg.uri(), headers, new byte[0])
                            .malformed("The request line or headers are malformed or too long.");
            ResponseWriter.dispatch(ctx, worker, handler, request, () -> keepAlive);
        }

        private static HttpRequest decoded(HttpRequest request) {
            try {
                byte[] body = ContentDecoding.decode(request.header("Content-Encoding"), request.body(), MAX_BODY);
                return body == request.body() ? request : new HttpRequest(request.method(), request.path(),
                        request.query(), request.headers(), body, request.malformed());
            } catch (MalformedRequestException e) {
                return request.malformed(e.getMessage());
            }
        }

        /** Answers what can still be answered (a request the pipeline could not take) before closing. */
        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.log(Level.FINE, "connection error", cause);
            if (ctx.channel().isActive() && !(cause instanceof java.io.IOException)) {
                ResponseWriter.write(ctx, HttpResponse.of(400, "text/plain", "malformed HTTP request"), false);
            } else {
                ctx.close();
            }
        }
    }
}
