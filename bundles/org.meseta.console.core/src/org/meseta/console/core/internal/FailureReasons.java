package org.meseta.console.core.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns the JDK HTTP client's failures into short reasons a person understands (no stack traces). */
public final class FailureReasons {

    private FailureReasons() {
    }

    /** A lower-case phrase such as {@code connection refused} or {@code no answer within 3 s}. */
    public static String describe(Throwable failure, Duration timeout) {
        return describe(failure, timeout, timeout);
    }

    /** As {@link #describe(Throwable, Duration)}, for a request with a timeout of its own for the answer. */
    static String describe(Throwable failure, Duration connectTimeout, Duration answerTimeout) {
        Throwable cause = unwrap(failure);
        if (cause instanceof HttpConnectTimeoutException) {
            return "no connection within " + seconds(connectTimeout);
        }
        if (cause instanceof HttpTimeoutException) {
            return "no answer within " + seconds(answerTimeout);
        }
        if (cause instanceof UnresolvedAddressException || cause instanceof UnknownHostException) {
            return "unknown host";
        }
        if (cause instanceof ConnectException) {
            // The JDK client often leaves the message empty for a refused connection.
            return messageOr(cause, "connection refused");
        }
        return messageOr(cause, cause.getClass().getSimpleName());
    }

    private static String seconds(Duration timeout) {
        return timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        // The client wraps the interesting exception (e.g. ConnectException) in a bare IOException.
        while (current.getCause() != null && current.getClass() == IOException.class) {
            current = current.getCause();
        }
        return current;
    }

    private static String messageOr(Throwable cause, String fallback) {
        String message = cause.getMessage();
        if (message == null || message.isBlank()) {
            return fallback;
        }
        // "Connection reset" reads as "connection reset", but "EOF reached ..." stays as it is.
        if (message.length() > 1 && Character.isUpperCase(message.charAt(1))) {
            return message;
        }
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }
}
