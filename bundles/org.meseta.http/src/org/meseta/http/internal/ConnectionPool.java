package org.meseta.http.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.netty.channel.Channel;

/**
 * Idle keep-alive connections of the client, by server address, so that a daemon's many small requests (an agent's
 * status updates, say) do not each cost a TCP connection. A connection is reused only while it is open and has been
 * idle for less than {@code maxIdle}, well under the idle timeout of Meseta's servers, so that a server rarely closes
 * one just as it is reused; at most {@code maxIdlePerAddress} wait per address, the others are closed. Thread-safe.
 */
public final class ConnectionPool {

    private record Idle(Channel channel, long since) {}

    private final Duration maxIdle;
    private final int maxIdlePerAddress;
    private final Map<InetSocketAddress, Deque<Idle>> idle = new HashMap<>();
    private boolean closed;

    public ConnectionPool(Duration maxIdle, int maxIdlePerAddress) {
        this.maxIdle = maxIdle;
        this.maxIdlePerAddress = maxIdlePerAddress;
    }

    /** An open connection to {@code address} that waits for a request, if there is one; it is the caller's now. */
    public Optional<Channel> acquire(InetSocketAddress address) {
        long now = System.nanoTime();
        while (true) {
            Idle candidate;
            synchronized (this) {
                Deque<Idle> waiting = idle.get(address);
                candidate = waiting == null ? null : waiting.pollLast();
            }
            if (candidate == null) {
                return Optional.empty();
            }
            if (candidate.channel().isActive() && now - candidate.since() < maxIdle.toNanos()) {
                return Optional.of(candidate.channel());
            }
            candidate.channel().close();
        }
    }

    /** Takes back a connection whose exchange ended cleanly; it is closed if it cannot wait. */
    public void release(InetSocketAddress address, Channel channel) {
        boolean kept = false;
        synchronized (this) {
            if (!closed && channel.isActive()) {
                Deque<Idle> waiting = idle.computeIfAbsent(address, key -> new ArrayDeque<>());
                if (waiting.size() < maxIdlePerAddress) {
                    waiting.addLast(new Idle(channel, System.nanoTime()));
                    kept = true;
                }
            }
        }
        if (!kept) {
            channel.close();
        }
    }

    /** Closes every waiting connection; later releases close theirs. */
    public void close() {
        Map<InetSocketAddress, Deque<Idle>> waiting;
        synchronized (this) {
            closed = true;
            waiting = new HashMap<>(idle);
            idle.clear();
        }
        waiting.values().forEach(connections -> connections.forEach(entry -> entry.channel().close()));
    }
}
