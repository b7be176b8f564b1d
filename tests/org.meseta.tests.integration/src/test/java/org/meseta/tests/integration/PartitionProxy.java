package org.meseta.tests.integration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 in front of one server (an agent is given the proxy as its master), which a test cuts to
 * partition the client from the server and heals again.
 *
 * <p>While {@link #cut() cut}, the proxy accepts no connection (a client's connect is refused) and forwards nothing on
 * the connections it holds: their bytes are dropped, as a network that loses every packet loses them, and neither end
 * is told anything. {@link #heal()} resets the connections that lived through the cut (the bytes dropped would have
 * broken their streams anyway) and accepts connections on the same port again. Thread-safe; each connection is
 * pumped by two virtual threads.
 */
final class PartitionProxy implements AutoCloseable {

    private final InetSocketAddress server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private int port;
    /** Null while cut or closed. */
    private ServerSocket listener;

    private PartitionProxy(InetSocketAddress server) {
        this.server = server;
    }

    /** A proxy on a free port to the server on 127.0.0.1:{@code serverPort}; it forwards at once. */
    static PartitionProxy start(int serverPort) {
        PartitionProxy proxy = new PartitionProxy(new InetSocketAddress("127.0.0.1", serverPort));
        proxy.listen();
        return proxy;
    }

    /** Where clients connect: {@code 127.0.0.1:<port>}. */
    synchronized String address() {
        return "127.0.0.1:" + port;
    }

    /** Partitions: no more connections, nothing forwarded. */
    synchronized void cut() {
        cut = true;
        closeListener();
    }

    /** Ends the partition: the connections held through it are reset, new ones are accepted and forwarded. */
    synchronized void heal() {
        List.copyOf(sockets).forEach(PartitionProxy::closeQuietly);
        cut = false;
        listen();
    }

    private synchronized void listen() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            port = socket.getLocalPort();
            listener = socket;
            Thread.ofVirtual().name("proxy-accept-" + port).start(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException("The proxy cannot listen on port " + port, e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connect(client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        sockets.add(client);
        Socket upstream = new Socket();
        sockets.add(upstream);
        try {
            upstream.connect(server, 2000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(upstream);
            return;
        }
        Thread.ofVirtual().start(() -> pump(client, upstream));
        Thread.ofVirtual().start(() -> pump(upstream, client));
    }

    /**
     * Copies {@code from} to {@code to} while not cut, dropping what comes while cut. When {@code from} ends, {@code to}
     * is closed too, unless the proxy is cut: then the other end learns nothing, as behind a real partition, until
     * {@link #heal()} resets it.
     */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            // Not closed here: closing a socket's stream closes the socket.
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                if (!cut) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        } catch (IOException ended) {
            // Either end went away, or heal() reset the connection.
        } finally {
            closeQuietly(from);
            sockets.remove(from);
            if (!cut) {
                closeQuietly(to);
                sockets.remove(to);
            }
        }
    }

    private void closeListener() {
        if (listener != null) {
            closeQuietly(listener);
            listener = null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing is all that is wanted.
        }
    }

    /** Stops listening and closes every connection. */
    @Override
    public synchronized void close() {
        closeListener();
        List.copyOf(sockets).forEach(PartitionProxy::closeQuietly);
    }
}
