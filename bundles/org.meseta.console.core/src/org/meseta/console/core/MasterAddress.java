package org.meseta.console.core;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Where the console finds a master: a host name or IP address plus an HTTP port.
 *
 * <p>Instances are immutable and always valid; {@link #parse(String)} is the only way to build one
 * from user input and explains what is wrong with input it refuses.
 *
 * @param host a DNS name, an IPv4 address or a bracketed IPv6 literal such as {@code [::1]}
 * @param port the master's HTTP port, 1 to 65535
 */
public record MasterAddress(String host, int port) {

    private static final String EXAMPLE = "for example 127.0.0.1:5050";
    private static final String HTTP_PREFIX = "http://";
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:.]+\\]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,5}");

    /** @throws IllegalArgumentException if host or port could not have come from {@link #parse} */
    public MasterAddress {
        if (host == null || !(HOST_NAME.matcher(host).matches() || IPV6_LITERAL.matcher(host).matches())) {
            throw new IllegalArgumentException("Invalid master host '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Port " + port + " is out of range (1-65535)");
        }
    }

    /**
     * Parses {@code HOST:PORT}, optionally prefixed with {@code http://} and followed by a single
     * {@code /}; surrounding white space is ignored.
     *
     * @throws IllegalArgumentException with a message meant for the user (it names the problem and
     *         shows the expected form) if the text is not a master address
     */
    public static MasterAddress parse(String text) {
        String rest = text == null ? "" : text.strip();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("Enter the master as HOST:PORT, " + EXAMPLE + ".");
        }
        if (rest.regionMatches(true, 0, HTTP_PREFIX, 0, HTTP_PREFIX.length())) {
            rest = rest.substring(HTTP_PREFIX.length());
        } else if (rest.contains("://")) {
            throw new IllegalArgumentException("'" + text.strip() + "' uses an unsupported scheme: "
                    + "enter HOST:PORT, http://HOST:PORT or zk://HOST:PORT/PATH.");
        }
        if (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.contains("/")) {
            throw new IllegalArgumentException("'" + text.strip() + "' contains a path: enter only HOST:PORT, "
                    + EXAMPLE + ".");
        }
        int colon = rest.lastIndexOf(':');
        if (colon < 0 || rest.endsWith("]")) {
            throw new IllegalArgumentException("'" + rest + "' has no port: enter HOST:PORT, for example "
                    + (rest.isEmpty() ? "127.0.0.1" : rest) + ":5050.");
        }
        return new MasterAddress(parseHost(rest.substring(0, colon)), parsePort(rest.substring(colon + 1)));
    }

    private static String parseHost(String host) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("The host is missing: enter HOST:PORT, " + EXAMPLE + ".");
        }
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            throw new IllegalArgumentException("Put an IPv6 address in brackets, for example [::1]:5050.");
        }
        if (!HOST_NAME.matcher(host).matches() && !IPV6_LITERAL.matcher(host).matches()) {
            throw new IllegalArgumentException("'" + host + "' is not a valid host name or IP address.");
        }
        return host;
    }

    private static int parsePort(String port) {
        if (port.isEmpty()) {
            throw new IllegalArgumentException("The port is missing after ':', " + EXAMPLE + ".");
        }
        if (!DIGITS.matcher(port).matches()) {
            throw new IllegalArgumentException("Port '" + port + "' is not a number between 1 and 65535.");
        }
        int value = Integer.parseInt(port);
        if (value < 1 || value > 65535) {
            throw new IllegalArgumentException("Port " + value + " is out of range (1-65535).");
        }
        return value;
    }

    /** Builds the address of the server a URI points at, or fails if it has no host or port. */
    public static MasterAddress of(URI uri) {
        return new MasterAddress(uri.getHost(), uri.getPort());
    }

    /** {@code http://HOST:PORT} followed by {@code path} (which starts with {@code /}). */
    public URI uri(String path) {
        return URI.create(HTTP_PREFIX + this + path);
    }

    /** {@code HOST:PORT}, the form {@link #parse(String)} accepts. */
    @Override
    public String toString() {
        return host + ":" + port;
    }
}
