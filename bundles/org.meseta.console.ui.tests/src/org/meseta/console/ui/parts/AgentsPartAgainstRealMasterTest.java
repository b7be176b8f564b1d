package org.meseta.console.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.flags.FlagParser;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.ui.testing.Ui;
import org.meseta.daemon.Daemon;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.Ports;
import org.meseta.testing.ServiceLease;

/**
 * The Agents part on a real display against a real master and agent, started in this test runtime through
 * their OSGi daemon services as local mode starts them, and read with the console's own client at its
 * default pace.
 */
@Timeout(60)
class AgentsPartAgainstRealMasterTest {

    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(10);
    private static final String AGENT_HOSTNAME = "agent-r1.test";

    @TempDir
    Path workDir;

    /** What to stop after each test, newest first. */
    private final Deque<Runnable> teardown = new ArrayDeque<>();
    private int masterPort;
    private Daemon.Running agent;
    private Display display;
    private Shell shell;
    private ClusterClient client;
    private AgentsPart part;
    private AgentsPartReader shown;

    @BeforeEach
    void startClusterAndOpenPart() throws Exception {
        masterPort = Ports.free();
        // An agent that stops closes its link and is inactive at once; the default ping timeouts keep it listed
        // (not yet unreachable) for over a minute.
        start("master", "org.meseta.master", "--ip=127.0.0.1", "--port=" + masterPort,
                "--work_dir=" + workDir.resolve("master"));
        agent = start("agent", "org.meseta.agent", "--master=127.0.0.1:" + masterPort, "--ip=127.0.0.1",
                "--port=" + Ports.free(), "--work_dir=" + workDir.resolve("agent"), "--hostname=" + AGENT_HOSTNAME,
                "--resources=cpus:2;mem:1024;disk:2048", "--attributes=rack:r1", "--registration_backoff_factor=50ms");

        display = Display.getDefault();
        shell = new Shell(display);
        shell.setText("Meseta Console");
        shell.setSize(1180, 200);
        client = ClusterClients.create();
        part = new AgentsPart(client, new DisplayUISynchronize(display));
        part.createControls(shell);
        shown = new AgentsPartReader(part, display);
        shell.open();
        teardown.push(() -> {
            part.dispose();
            client.close();
            shell.dispose();
            Ui.flush(display);
        });
    }

    @AfterEach
    void stopEverything() {
        while (!teardown.isEmpty()) {
            teardown.pop().run();
        }
    }

    @Test
    void showsTheRegisteredAgentAndSeesItGoInactiveWhenItStops() throws Exception {
        client.connect(new MasterAddress("127.0.0.1", masterPort));

        shown.waitForRows(1);
        String masterId = JsonTree.string(Http.getJson(URI.create("http://127.0.0.1:" + masterPort + "/state")), "id");
        assertEquals(List.of(AGENT_HOSTNAME, masterId + "-S0", "0 / 2", "0 MB / 1 GB", "0 MB / 2 GB", "rack:r1", "yes"),
                shown.cells(0));
        shown.waitForStatus("Connected to 127.0.0.1:" + masterPort + " · 1 agent");
        File png = new File(TestOutput.directory(), "screenshots/agents-real-master.png");
        Ui.screenshot(shell, png);
        assertTrue(png.length() > 1000, () -> png + " should hold a picture");

        agent.close();

        shown.waitUntil(Ui.PATIENCE, () -> shown.rowCount() == 1 && "no".equals(shown.cell(0, AgentColumn.ACTIVE)),
                "the agent's row inactive");
        assertEquals(masterId + "-S0", shown.cell(0, AgentColumn.AGENT_ID));
    }

    /**
     * Starts one instance of the daemon registered as {@code meseta.daemon=name} with {@code args}; it is
     * stopped, and the service released, after the test.
     */
    private Daemon.Running start(String name, String bundle, String... args) throws Exception {
        ServiceLease<Daemon> daemon = ServiceLease.await(getClass(), Daemon.class,
                "(" + Daemon.NAME_PROPERTY + "=" + name + ")", bundle, SERVICE_TIMEOUT);
        teardown.push(daemon::close);
        Daemon.Running running = daemon.service().start(FlagParser.parse(daemon.service().flags(), List.of(args)));
        teardown.push(running::close);
        return running;
    }
}
