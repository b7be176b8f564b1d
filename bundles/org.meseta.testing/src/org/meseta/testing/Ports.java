package org.meseta.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Ports on 127.0.0.1 for servers a test starts, or for a test that needs a port where nothing listens. */
public final class Ports {

    /**
     * Runs of ports are taken below Linux's default ephemeral range (32768-60999), where the system never puts the
     * local end of an outgoing connection, so a busy test machine does not take one of them away.
     */
    private static final int RUN_LOW = 20000;
    private static final int RUN_HIGH = 32000;
    private static final int ATTEMPTS = 100;

    private Ports() {
    }

    /**
     * A TCP port on 127.0.0.1 that was free a moment ago (the system picked it and it was closed again). Another
     * process could take it before the test does; tests accept that small race to pass a port on a command line.
     */
    public static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * The first of {@code count} consecutive ports on 127.0.0.1 that were all free a moment ago, e.g. for
     * {@code meseta-local}, whose agents listen on the ports after the master's.
     */
    public static int freeRun(int count) throws IOException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first = ThreadLocalRandom.current().nextInt(RUN_LOW, RUN_HIGH - count);
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IOException("No " + count + " consecutive free ports between " + RUN_LOW + " and " + RUN_HIGH);
    }

    private static boolean allFree(int first, int count) throws IOException {
        List<ServerSocket> bound = new ArrayList<>();
        try {
            for (int port = first; port < first + count; port++) {
                ServerSocket socket = new ServerSocket();
                bound.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            for (ServerSocket socket : bound) {
                socket.close();
            }
        }
    }
}
