package org.meseta.zk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;

/**
 * Makes the Curator clients Meseta's masters, agents and tools connect with. Stateless.
 *
 * <p>As in Mesos, a URL with credentials authenticates with ZooKeeper's {@code digest} scheme and creates its
 * znodes readable by everyone and writable only by their creator; without credentials, znodes are open
 * ({@code OPEN_ACL_UNSAFE}). Making a client quiets ZooKeeper's and Curator's own logging ({@link ZkLogging}).
 */
public final class ZkClients {

    /** Mesos's default for {@code --zk_session_timeout}. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(10);

    /** The longest session timeout taken: ZooKeeper counts in int milliseconds (and its servers cap far below). */
    public static final Duration MAX_SESSION_TIMEOUT = Duration.ofDays(24);

    private static final int RETRY_BASE_MILLIS = 100;
    private static final int RETRY_MAX_MILLIS = 2_000;
    private static final int RETRY_MAX_ATTEMPTS = 10;

    private ZkClients() {
    }

    /**
     * A client for {@code url}'s ensemble, not yet started: the caller calls {@link CuratorFramework#start()} and
     * owns it ({@link CuratorFramework#close()} ends the session, which removes its ephemeral nodes at once).
     *
     * @param sessionTimeout the ZooKeeper session timeout asked for (the server may negotiate it into its
     *     {@code [2, 20] x tickTime} bounds); also the connection timeout
     */
    public static CuratorFramework newClient(ZkUrl url, Duration sessionTimeout) {
        ZkLogging.quiet();
        int timeoutMillis = Math.toIntExact(sessionTimeout.toMillis());
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(url.connectString())
                .sessionTimeoutMs(timeoutMillis)
                .connectionTimeoutMs(timeoutMillis)
                .retryPolicy(new ExponentialBackoffRetry(RETRY_BASE_MILLIS, RETRY_MAX_ATTEMPTS, RETRY_MAX_MILLIS));
        url.credentials().ifPresent(credentials -> builder
                .authorization("digest", credentials.digestAuth())
                .aclProvider(acls(List.of(new ACL(ZooDefs.Perms.READ, ZooDefs.Ids.ANYONE_ID_UNSAFE),
                        new ACL(ZooDefs.Perms.ALL, ZooDefs.Ids.AUTH_IDS)))));
        return builder.build();
    }

    /**
     * Why {@code timeout} cannot be a session timeout, if it cannot, for a flag's error message: {@code must be
     * between 1ms and 24days}.
     */
    public static Optional<String> sessionTimeoutProblem(Duration timeout) {
        return timeout.toMillis() < 1 || timeout.compareTo(MAX_SESSION_TIMEOUT) > 0
                ? Optional.of("must be between 1ms and " + MAX_SESSION_TIMEOUT.toDays() + "days")
                : Optional.empty();
    }

    private static ACLProvider acls(List<ACL> given) {
        // ZooKeeper checks the list with contains(null), which immutable lists (List.of) refuse with an exception.
        List<ACL> acls = Collections.unmodifiableList(new ArrayList<>(given));
        return new ACLProvider() {
            @Override
            public List<ACL> getDefaultAcl() {
                return acls;
            }

            @Override
            public List<ACL> getAclForPath(String path) {
                return acls;
            }
        };
    }
}
