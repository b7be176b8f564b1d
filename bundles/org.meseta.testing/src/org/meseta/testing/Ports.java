package org.meseta.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports on 127.0.0.1 for servers a test starts, or for a test that needs a port where nothing listens. */
public final class Ports {

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
}
