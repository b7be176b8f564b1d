package org.meseta.agent.internal;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.meseta.daemon.DaemonException;

/** One master's {@code host:port}: a {@code --master} that names it, or the leader ZooKeeper names. */
public record MasterAddress(String host, int port) {

    private static final Pattern HOST_PORT = Pattern.compile("(?:http://)?([A-Za-z0-9.\\-]+|\\[[0-9a-fA-F:]+]):(\\d{1,5})/?");

    static MasterAddress parse(String text) throws DaemonException {
        Matcher matcher = HOST_PORT.matcher(text.trim());
        if (!matcher.matches()) {
            throw new DaemonException("Invalid --master '" + text + "': expected host:port, e.g. 10.0.0.1:5050");
        }
        int port = Integer.parseInt(matcher.group(2));
        if (port < 1 || port > 65535) {
            throw new DaemonException("Invalid --master '" + text + "': port " + port + " is out of range");
        }
        return new MasterAddress(matcher.group(1), port);
    }

    /** The URI of a master endpoint, e.g. {@code uri("/master/internal/agent/subscribe")}. */
    public URI uri(String path) {
        return URI.create("http://" + host + ":" + port + path);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
