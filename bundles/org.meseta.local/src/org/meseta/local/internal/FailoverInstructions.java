package org.meseta.local.internal;

/** What a local cluster with several masters tells its operator at start: where things are, how to try failover. */
final class FailoverInstructions {

    private FailoverInstructions() {}

    /**
     * @param port the first master's port; the others follow it
     * @param group the {@code zk://} URL of the masters' group
     * @param pid this process, which the signal goes to
     */
    static String text(String ip, int port, int masters, String group, long pid) {
        StringBuilder text = new StringBuilder();
        text.append("Local cluster with ").append(masters).append(" masters on ").append(ip).append(':')
                .append(port).append('-').append(port + masters - 1).append(", electing their leader in ")
                .append(group).append(" (an embedded, single-node ZooKeeper: for trying failover, not for"
                        + " production).\n");
        text.append("  Which master leads:    curl -si http://").append(ip).append(':').append(port)
                .append("/redirect | grep -i '^location'\n");
        text.append("  Stop the leader:       kill -").append(StopLeaderSignal.NAME).append(' ').append(pid)
                .append("   (as if its process died; it comes back as a standby)\n");
        text.append("  Watch the failover:    curl -s http://").append(ip).append(':').append(port)
                .append("/metrics/snapshot | grep -o '\"master/elected\":[01]'   (on each of ")
                .append(masters).append(" ports), or the agents re-registering in the log\n");
        text.append("  Agents, frameworks and tools may use ").append(group).append(" to find the leader.");
        return text.toString();
    }
}
