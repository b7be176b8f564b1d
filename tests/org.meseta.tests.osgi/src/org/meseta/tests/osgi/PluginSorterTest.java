package org.meseta.tests.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.flags.FlagParser;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.DaemonException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The plugin guide's example sorter ({@code docs/examples/org.example.meseta.fifo}) is found by the master under its
 * name, as any plugin allocator or sorter would be.
 */
class PluginSorterTest {

    @TempDir
    Path workDir;

    private final BundleContext context = FrameworkUtil.getBundle(PluginSorterTest.class).getBundleContext();

    @BeforeEach
    void startBundles() throws BundleException {
        for (Bundle bundle : context.getBundles()) {
            String name = bundle.getSymbolicName();
            if (name.equals("org.example.meseta.fifo") || name.startsWith("org.meseta.allocator")
                    || name.equals("org.meseta.master")) {
                bundle.start();
            }
        }
    }

    private Daemon master() throws InvalidSyntaxException {
        Collection<ServiceReference<Daemon>> references = context.getServiceReferences(Daemon.class,
                "(" + Daemon.NAME_PROPERTY + "=master)");
        assertEquals(1, references.size(), "master daemons");
        return context.getService(references.iterator().next());
    }

    private Daemon.Running start(String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--ip=127.0.0.1", "--port=" + freePort(),
                "--work_dir=" + workDir));
        args.addAll(List.of(flags));
        Daemon master = master();
        return master.start(FlagParser.parse(master.flags(), args));
    }

    @Test
    void theMasterStartsWithThePluginSorterItsFlagsName() throws Exception {
        try (Daemon.Running running = start("--role_sorter=fifo", "--framework_sorter=fifo")) {
            HttpResponse<String> flags = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://" + running.endpoint() + "/flags")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, flags.statusCode());
            assertTrue(flags.body().contains("\"role_sorter\":\"fifo\""), flags.body());
            assertTrue(flags.body().contains("\"framework_sorter\":\"fifo\""), flags.body());
        }
    }

    @Test
    void anUnknownSorterIsRefusedNamingThoseInstalled() {
        DaemonException refused = assertThrows(DaemonException.class, () -> start("--role_sorter=lottery"));
        assertEquals("Invalid --role_sorter 'lottery': no sorter of that name is installed (installed: drf, fifo,"
                + " random)", refused.getMessage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
