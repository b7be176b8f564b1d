package org.meseta.zk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

// Table-driven with @TestFactory: @ParameterizedTest does not run in the Tycho OSGi test runtime.
class ZkUrlTest {

    @Test
    void readsServersCredentialsAndPath() {
        ZkUrl url = ZkUrl.parse(" zk://jake:s3cr:et@zk1.example.com:2181,10.0.0.2:2182/mesos/prod \n");

        assertEquals(List.of(new ZkUrl.Server("zk1.example.com", 2181), new ZkUrl.Server("10.0.0.2", 2182)),
                url.servers());
        assertEquals(Optional.of(new ZkUrl.Credentials("jake", "s3cr:et")), url.credentials());
        assertEquals("/mesos/prod", url.path());
        assertEquals("zk1.example.com:2181,10.0.0.2:2182", url.connectString());
        assertEquals("zk://jake:***@zk1.example.com:2181,10.0.0.2:2182/mesos/prod", url.toString());
    }

    @Test
    void withoutPathTheGroupIsTheRootAsInMesos() {
        ZkUrl url = ZkUrl.parse("zk://127.0.0.1:2181");

        assertEquals("/", url.path());
        assertEquals(Optional.empty(), url.credentials());
        assertEquals("zk://127.0.0.1:2181", url.toString());
    }

    @TestFactory
    Stream<DynamicTest> refusesBadUrlsNamingTheProblem() {
        return Stream.of(
                refused("127.0.0.1:2181/mesos", "expecting 'zk://' at the beginning of the URL"),
                refused("http://127.0.0.1:2181/mesos", "expecting 'zk://' at the beginning of the URL"),
                refused("zk:///mesos", "no ZooKeeper servers given (expecting host:port[,host:port...])"),
                refused("zk://zk1/mesos", "'zk1' is not host:port"),
                refused("zk://zk1:/mesos", "'zk1:' is not host:port"),
                refused("zk://:2181/mesos", "':2181' is not host:port"),
                refused("zk://zk1:2181,/mesos", "'' is not host:port"),
                refused("zk://zk1:21x1/mesos", "'21x1' in 'zk1:21x1' is not a port (1-65535)"),
                refused("zk://zk1:65536/mesos", "'65536' in 'zk1:65536' is not a port (1-65535)"),
                refused("zk://zk1:0/mesos", "'0' in 'zk1:0' is not a port (1-65535)"),
                refused("zk://jake@zk1:2181/mesos", "credentials must be 'user:password'"),
                refused("zk://zk1:2181/mesos/", "the path '/mesos/' must not end with '/'"),
                refused("zk://zk1:2181/mesos//prod", "the path '/mesos//prod' has an empty, '.' or '..' segment"),
                refused("zk://zk1:2181/mesos/../etc", "the path '/mesos/../etc' has an empty, '.' or '..' segment"));
    }

    private static DynamicTest refused(String url, String problem) {
        return DynamicTest.dynamicTest(url, () -> {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ZkUrl.parse(url));

            assertEquals("Invalid ZooKeeper URL '" + url + "': " + problem, e.getMessage());
        });
    }

    @Test
    void errorsHideThePassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZkUrl.parse("zk://jake:hunter2@zk1/mesos"));

        assertEquals("Invalid ZooKeeper URL 'zk://jake:***@zk1/mesos': 'zk1' is not host:port", e.getMessage());
    }
}
