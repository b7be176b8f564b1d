package org.meseta.http.internal;

import java.util.concurrent.TimeUnit;

import org.meseta.http.HttpHandler;
import org.meseta.http.HttpServerOptions;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;

/**
 * Builds the pipeline of an accepted connection:
 * <pre>
 * [idle] → HttpServerCodec → RequestAggregator → InboundRequestDecoder → RequestHandler
 *  close     bytes ⇄ HTTP      chunks → one msg    → HttpRequest | 4xx       order, dispatch, respond
 * </pre>
 * The codec parses strictly (CRLF line endings, RFC 9112 Transfer-Encoding rules, no Content-Length next to
 * Transfer-Encoding), which closes the request-smuggling holes of lenient parsers.
 */
public final class HttpServerInitializer extends ChannelInitializer<SocketChannel> {

    private final HttpHandler handler;
    private final HttpServerOptions options;
    private final ChannelGroup connections;

    public HttpServerInitializer(HttpHandler handler, HttpServerOptions options, ChannelGroup connections) {
        this.handler = handler;
        this.options = options;
        this.connections = connections;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        connections.add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        if (!options.idleTimeout().isZero()) {
            long idleMillis = options.idleTimeout().toMillis();
            pipeline.addLast("idle", new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
        }
        HttpDecoderConfig decoding = new HttpDecoderConfig()
                .setMaxInitialLineLength(options.maxInitialLineBytes())
                .setMaxHeaderSize(options.maxHeaderBytes())
                .setStrictLineParsing(true)
                .setUseRfc9112TransferEncoding(true)
                .setAllowDuplicateContentLengths(false);
        pipeline.addLast("codec", new HttpServerCodec(decoding));
        pipeline.addLast("aggregator", new RequestAggregator(options.maxBodyBytes()));
        pipeline.addLast("decoder", new InboundRequestDecoder());
        pipeline.addLast("handler", new RequestHandler(handler, options));
    }
}
