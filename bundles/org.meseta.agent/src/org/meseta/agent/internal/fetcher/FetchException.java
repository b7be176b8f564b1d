package org.meseta.agent.internal.fetcher;

/** A URI could not be fetched into a sandbox; the message names the URI and why, in one line. */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    FetchException(String uri, String reason) {
        super("Failed to fetch '" + uri + "': " + reason);
    }

    FetchException(String uri, String reason, Throwable cause) {
        super("Failed to fetch '" + uri + "': " + reason, cause);
    }
}
