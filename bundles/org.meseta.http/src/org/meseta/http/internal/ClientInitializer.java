package org.meseta.http.internal;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Builds the pipeline of an outgoing connection: {@code HttpClientCodec → [aggregator] → response handler}.
 * For streams the codec delivers each chunk whole (up to {@code maxBodyBytes}) so that chunk boundaries, which
 * a RecordIO stream aligns its records to, survive.
 */
public final class ClientInitializer extends ChannelInitializer<SocketChannel> {

    /** The name of the response handler, replaced for each request on a reused connection. */
    public static final String HANDLER = "handler";

    private static final int MAX_INITIAL_LINE_BYTES = 8 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;

    private final ClientResponseHandler<?> handler;
    private final int maxBodyBytes;
    private final boolean streaming;

    public ClientInitializer(ClientResponseHandler<?> handler, int maxBodyBytes, boolean streaming) {
        this.handler = handler;
        this.maxBodyBytes = maxBodyBytes;
        this.streaming = streaming;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        HttpDecoderConfig decoding = new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_INITIAL_LINE_BYTES)
                .setMaxHeaderSize(MAX_HEADER_BYTES);
        if (streaming) {
            decoding.setMaxChunkSize(maxBodyBytes).setAllowPartialChunks(false);
        }
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("codec", new HttpClientCodec(decoding, false, false));
        if (!streaming) {
            pipeline.addLast("aggregator", new HttpObjectAggregator(maxBodyBytes));
        }
        pipeline.addLast(HANDLER, handler);
    }
}
