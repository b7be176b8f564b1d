package org.meseta.zk;

import org.apache.mesos.v1.Protos.MasterInfo;

/**
 * Where a master that a {@link MasterDetector} reported can be reached. Masters of every Mesos version fill
 * {@code ip} and {@code port}; newer ones also fill {@code address}, which wins. Stateless.
 */
public final class MasterInfos {

    private MasterInfos() {}

    /**
     * The master's IPv4 address as text: {@code address.ip}, else the packed {@code ip} (the address in network byte
     * order read as a little-endian integer, so 127.0.0.1 is 16777343).
     */
    public static String ip(MasterInfo info) {
        if (info.hasAddress() && !info.getAddress().getIp().isEmpty()) {
            return info.getAddress().getIp();
        }
        int ip = info.getIp();
        return (ip & 0xff) + "." + ((ip >>> 8) & 0xff) + "." + ((ip >>> 16) & 0xff) + "." + (ip >>> 24);
    }

    /** The master's port: {@code address.port}, else {@code port}. */
    public static int port(MasterInfo info) {
        return info.hasAddress() && info.getAddress().getPort() != 0 ? info.getAddress().getPort() : info.getPort();
    }

    /** The name to show users and redirect browsers to: the master's hostname, else its IP address. */
    public static String hostname(MasterInfo info) {
        return info.getHostname().isEmpty() ? ip(info) : info.getHostname();
    }
}
