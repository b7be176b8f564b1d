package org.meseta.daemon;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.meseta.http.HttpHandler;
import org.meseta.http.HttpServer;
import org.meseta.http.HttpServerException;
import org.meseta.http.HttpServerOptions;
import org.meseta.http.HttpTransport;

/**
 * Where a daemon listens and how others reach it: Mesos's {@code --ip}, {@code --port},
 * {@code --advertise_ip}, {@code --advertise_port}, {@code --hostname} and {@code --hostname_lookup}.
 *
 * @param bindIp IPv4 address to listen on ({@code 0.0.0.0} for every interface)
 * @param port port to listen on
 * @param advertisedIp IPv4 address others use (never {@code 0.0.0.0})
 * @param advertisedPort port others use
 * @param hostname the name shown to others (Mesos's {@code hostname} fields)
 */
public record Endpoint(String bindIp, int port, String advertisedIp, int advertisedPort, String hostname) {

    /** Dotted quad without leading zeros, which some clients would read as octal. */
    private static final Pattern IPV4 =
            Pattern.compile("(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})\\.(0|[1-9]\\d{0,2})");
    private static final String ANY = "0.0.0.0";

    /**
     * Resolves the flags as Mesos does: without {@code --ip} the daemon listens everywhere and advertises the
     * address its hostname resolves to; the hostname defaults to the reverse lookup of the advertised address.
     *
     * @throws DaemonException naming the flag when an address is malformed or cannot be resolved
     */
    public static Endpoint resolve(Optional<String> ip, int port, Optional<String> advertiseIp,
            Optional<Integer> advertisePort, Optional<String> hostname, boolean hostnameLookup)
            throws DaemonException {
        String bind = ip.isPresent() ? checkIpv4("--ip", ip.get()) : ANY;
        String advertised;
        if (advertiseIp.isPresent()) {
            advertised = checkIpv4("--advertise_ip", advertiseIp.get());
        } else if (!bind.equals(ANY)) {
            advertised = bind;
        } else {
            advertised = localAddress();
        }
        String name = hostname.orElseGet(() -> hostnameLookup ? reverseLookup(advertised) : advertised);
        return new Endpoint(bind, port, advertised, advertisePort.orElse(port), name);
    }

    /** The socket address to bind. */
    public InetSocketAddress bindAddress() {
        return new InetSocketAddress(bindIp, port);
    }

    /**
     * Starts an HTTP server on {@link #bindAddress()}.
     *
     * @throws DaemonException naming the address and the reason, e.g. the port is in use
     */
    public HttpServer serve(HttpTransport transport, HttpHandler handler) throws DaemonException {
        try {
            return HttpServer.start(transport, bindAddress(), handler, HttpServerOptions.defaults());
        } catch (HttpServerException e) {
            throw new DaemonException(e.getMessage(), e);
        }
    }

    /** {@code advertisedIp:advertisedPort}. */
    public String address() {
        return advertisedIp + ":" + advertisedPort;
    }

    /** A libprocess-style process id, e.g. {@code master@10.0.0.1:5050} or {@code slave(1)@10.0.0.1:5051}. */
    public String pid(String processId) {
        return processId + "@" + address();
    }

    /**
     * The advertised IPv4 address packed as Mesos packs {@code MasterInfo.ip}: the address bytes in network
     * order read as a little-endian integer (127.0.0.1 becomes 16777343).
     */
    public int packedIp() {
        var matcher = IPV4.matcher(advertisedIp);
        if (!matcher.matches()) {
            throw new IllegalStateException("Not an IPv4 address: " + advertisedIp);
        }
        int packed = 0;
        for (int i = 0; i < 4; i++) {
            packed |= Integer.parseInt(matcher.group(i + 1)) << (8 * i);
        }
        return packed;
    }

    private static String checkIpv4(String flag, String value) throws DaemonException {
        var matcher = IPV4.matcher(value);
        if (matcher.matches()) {
            boolean inRange = true;
            for (int i = 1; i <= 4; i++) {
                inRange &= Integer.parseInt(matcher.group(i)) <= 255;
            }
            if (inRange) {
                return value;
            }
        }
        throw new DaemonException("Invalid " + flag + " '" + value + "': expected an IPv4 address such as 10.0.0.1");
    }

    private static String localAddress() throws DaemonException {
        try {
            InetAddress local = InetAddress.getLocalHost();
            if (local instanceof Inet4Address) {
                return local.getHostAddress();
            }
            for (InetAddress candidate : InetAddress.getAllByName(local.getHostName())) {
                if (candidate instanceof Inet4Address) {
                    return candidate.getHostAddress();
                }
            }
            throw new DaemonException("The hostname '" + local.getHostName()
                    + "' has no IPv4 address; pass --ip");
        } catch (UnknownHostException e) {
            throw new DaemonException("Cannot resolve this machine's hostname to an IP address (" + e.getMessage()
                    + "); pass --ip");
        }
    }

    private static String reverseLookup(String ip) {
        try {
            return InetAddress.getByName(ip).getCanonicalHostName();
        } catch (UnknownHostException e) {
            return ip;
        }
    }
}
