package org.meseta.agent.internal.health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/** A TCP health check: healthy if a connection to the task's port opens within the timeout. */
record TcpProbe(String host, int port) implements Probe {

    @Override
    public Optional<String> check(Optional<Duration> timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), Probe.millis(timeout));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("TCP connection to " + host + ":" + port + " failed: " + e.getMessage());
        }
    }
}
