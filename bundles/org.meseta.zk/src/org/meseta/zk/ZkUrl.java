package org.meseta.zk;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A ZooKeeper URL in Mesos's format, {@code zk://[user:pass@]host:port[,host:port...][/path]}, as given to
 * {@code --zk} on masters and {@code --master} on agents and clients. Without a path the group lives at
 * {@code /}, as in Mesos. Credentials select ZooKeeper's {@code digest} scheme.
 *
 * <p>Immutable and thread-safe. {@link #toString()} hides the password, so a URL can be logged.
 *
 * @param servers the ensemble, in the order given; never empty
 * @param credentials {@code user:pass} for digest authentication, if given
 * @param path the absolute znode path of the group: starts with {@code /}, no trailing {@code /} (except the
 *     root itself), no empty, {@code .} or {@code ..} segments
 */
public record ZkUrl(List<Server> servers, Optional<Credentials> credentials, String path) {

    /** The URL scheme, with its slashes. */
    public static final String SCHEME = "zk://";

    /**
     * One ensemble member.
     *
     * @param host a host name or IPv4 address; never empty
     * @param port 1 to 65535
     */
    public record Server(String host, int port) {

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * Digest credentials.
     *
     * @param user the user name; never empty
     * @param password the password; may be empty
     */
    public record Credentials(String user, String password) {

        /** {@code user:pass}, the form ZooKeeper's digest scheme takes. */
        public byte[] digestAuth() {
            return (user + ":" + password).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return user + ":***";
        }
    }

    /** Copies {@code servers}; use {@link #parse(String)} to read a URL. */
    public ZkUrl {
        servers = List.copyOf(servers);
    }

    /**
     * Reads a URL. Surrounding whitespace is ignored, as Mesos does.
     *
     * @throws IllegalArgumentException with a message that quotes the URL (password hidden) and names what is
     *     wrong with it, e.g. {@code Invalid ZooKeeper URL 'zk://a/mesos': 'a' is not host:port}
     */
    public static ZkUrl parse(String url) {
        String s = url.strip();
        if (!s.startsWith(SCHEME)) {
            throw invalid(s, "expecting 'zk://' at the beginning of the URL");
        }
        String rest = s.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        int at = authority.lastIndexOf('@');
        Optional<Credentials> credentials = Optional.empty();
        if (at >= 0) {
            credentials = Optional.of(credentials(s, authority.substring(0, at)));
        }
        return new ZkUrl(servers(s, authority.substring(at + 1)), credentials, path(s, path));
    }

    /** The ensemble as a ZooKeeper connect string, {@code host:port,host:port}. */
    public String connectString() {
        return String.join(",", servers.stream().map(Server::toString).toList());
    }

    /** The URL with the password replaced by {@code ***}. */
    @Override
    public String toString() {
        return SCHEME + credentials.map(c -> c + "@").orElse("") + connectString() + ("/".equals(path) ? "" : path);
    }

    private static Credentials credentials(String url, String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw invalid(url, "credentials must be 'user:password'");
        }
        return new Credentials(text.substring(0, colon), text.substring(colon + 1));
    }

    private static List<Server> servers(String url, String text) {
        if (text.isEmpty()) {
            throw invalid(url, "no ZooKeeper servers given (expecting host:port[,host:port...])");
        }
        List<Server> servers = new ArrayList<>();
        for (String server : text.split(",", -1)) {
            servers.add(server(url, server));
        }
        return servers;
    }

    private static Server server(String url, String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw invalid(url, "'" + text + "' is not host:port");
        }
        String host = text.substring(0, colon);
        String port = text.substring(colon + 1);
        if (!port.chars().allMatch(c -> c >= '0' && c <= '9') || port.length() > 5
                || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw invalid(url, "'" + port + "' in '" + text + "' is not a port (1-65535)");
        }
        return new Server(host, Integer.parseInt(port));
    }

    private static String path(String url, String path) {
        if ("/".equals(path)) {
            return path;
        }
        if (path.endsWith("/")) {
            throw invalid(url, "the path '" + path + "' must not end with '/'");
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty() || ".".equals(segment) || "..".equals(segment)) {
                throw invalid(url, "the path '" + path + "' has an empty, '.' or '..' segment");
            }
        }
        return path;
    }

    private static IllegalArgumentException invalid(String url, String problem) {
        return new IllegalArgumentException("Invalid ZooKeeper URL '" + redacted(url) + "': " + problem);
    }

    /** The URL text with everything between the first ':' after the scheme and the last '@' hidden. */
    private static String redacted(String url) {
        int slash = url.indexOf('/', url.startsWith(SCHEME) ? SCHEME.length() : 0);
        int end = slash < 0 ? url.length() : slash;
        int at = url.lastIndexOf('@', end - 1);
        int start = url.startsWith(SCHEME) ? SCHEME.length() : 0;
        if (at < start) {
            return url;
        }
        int colon = url.indexOf(':', start);
        return colon >= 0 && colon < at ? url.substring(0, colon + 1) + "***" + url.substring(at) : url;
    }
}
