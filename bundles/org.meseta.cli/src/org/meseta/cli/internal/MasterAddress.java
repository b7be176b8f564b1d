package org.meseta.cli.internal;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A master to subscribe with, as {@code --master} gives it: {@code host:port} or {@code http://host:port}. */
record MasterAddress(String host, int port) {

    /** Where Mesos masters serve the scheduler API (also as {@code /master/api/v1/scheduler}). */
    static final String SCHEDULER_PATH = "/api/v1/scheduler";

    private static final Pattern HOST_PORT =
            Pattern.compile("(?:http://)?([A-Za-z0-9.\\-]+|\\[[0-9a-fA-F:.]+]):(\\d{1,5})/?");

    /**
     * Parses the flag value.
     *
     * @throws IllegalArgumentException saying what is expected (the flag parser's contract)
     */
    static MasterAddress parse(String text) {
        String value = text.strip();
        Matcher matcher = HOST_PORT.matcher(value);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("expected host:port or http://host:port, e.g. 10.0.0.1:5050");
        }
        int port = Integer.parseInt(matcher.group(2));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
        return new MasterAddress(matcher.group(1), port);
    }

    /** The master's scheduler endpoint, {@code http://host:port/api/v1/scheduler}. */
    URI schedulerUri() {
        return URI.create("http://" + this + SCHEDULER_PATH);
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
