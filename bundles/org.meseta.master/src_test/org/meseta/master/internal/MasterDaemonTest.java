package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.Instances;
import org.meseta.testing.Http;
import org.meseta.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping the master daemon from its command line. */
class MasterDaemonTest {

    @TempDir
    Path workDir;

    @Test
    void startServesOnTheGivenAddressAndCreatesTheWorkDir() throws Exception {
        Path nested = workDir.resolve("a/b/master");

        try (TestMaster master = TestMaster.start(nested)) {
            assertEquals("127.0.0.1:" + master.port, master.endpoint());
            assertEquals(200, Http.get(master.uri("/health")).statusCode());
            assertTrue(Files.isDirectory(nested));
        }
    }

    @Test
    void closeReleasesThePortAndIsIdempotent() throws Exception {
        TestMaster first = TestMaster.start(workDir);
        String firstId = first.id();

        first.close();
        first.close();

        assertThrows(ConnectException.class, () -> Http.get(first.uri("/health")));
        try (TestMaster second = TestMaster.start(first.port, workDir)) {
            assertNotEquals(firstId, second.id(), "every master start has a fresh id");
        }
    }

    @Test
    void aPortInUseIsReportedInOneLineAndNothingIsReportedStopped() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                LogCapture log = LogCapture.of(Instances.class)) {
            DaemonException error = assertThrows(DaemonException.class,
                    () -> TestMaster.start(taken.getLocalPort(), workDir));

            assertTrue(error.getMessage().startsWith("Failed to bind 127.0.0.1:" + taken.getLocalPort() + ": "),
                    error.getMessage());
            assertTrue(error.getMessage().lines().count() == 1, error.getMessage());
            assertEquals(List.of(), log.messages(), "a master that never started is not reported stopped");
        }
    }

    @Test
    void stoppingAStartedMasterIsReportedWithItsId() throws Exception {
        try (LogCapture log = LogCapture.of(Instances.class)) {
            TestMaster master = TestMaster.start(workDir);
            String id = master.id();

            master.close();

            assertEquals(List.of("Master " + id + " stopped"), log.messages());
        }
    }

    @Test
    void anUnusableWorkDirIsReported() throws Exception {
        Path file = Files.writeString(workDir.resolve("not-a-directory"), "x");

        DaemonException error = assertThrows(DaemonException.class, () -> TestMaster.start(file.resolve("master")));

        assertTrue(error.getMessage().startsWith("Cannot create --work_dir " + file.resolve("master")),
                error.getMessage());
    }

    @Test
    void pingSettingsOutOfRangeAreRefused() {
        DaemonException zeroTimeout = assertThrows(DaemonException.class,
                () -> TestMaster.start(workDir, "--agent_ping_timeout=0secs"));
        assertTrue(zeroTimeout.getMessage().startsWith("--agent_ping_timeout must be positive"),
                zeroTimeout.getMessage());

        DaemonException noTimeouts = assertThrows(DaemonException.class,
                () -> TestMaster.start(workDir, "--max_agent_ping_timeouts=0"));
        assertEquals("--max_agent_ping_timeouts must be at least 1, got 0", noTimeouts.getMessage());
    }

    @Test
    void aMalformedAddressNamesTheFlag() {
        DaemonException error = assertThrows(DaemonException.class,
                () -> TestMaster.start(workDir, "--advertise_ip=10.0.0.300"));

        assertEquals("Invalid --advertise_ip '10.0.0.300': expected an IPv4 address such as 10.0.0.1",
                error.getMessage());
    }

    @Test
    void offerTimeoutAndRoleWhitelistErrorsAreReportedInOneLine() {
        DaemonException zeroTimeout = assertThrows(DaemonException.class,
                () -> TestMaster.start(workDir, "--offer_timeout=0secs"));
        assertTrue(zeroTimeout.getMessage().startsWith("--offer_timeout must be positive, got "),
                zeroTimeout.getMessage());

        DaemonException badRole = assertThrows(DaemonException.class,
                () -> TestMaster.start(workDir, "--roles=analytics,/ops"));
        assertEquals("Invalid --roles 'analytics,/ops': role '/ops' cannot start with a slash", badRole.getMessage());

        DaemonException unlistedWeight = assertThrows(DaemonException.class,
                () -> TestMaster.start(workDir, "--roles=analytics", "--weights=ops=2"));
        assertEquals("Invalid --weights: role 'ops' is not in --roles", unlistedWeight.getMessage());
    }
}
