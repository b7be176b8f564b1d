package org.meseta.console.core.sandbox;

/**
 * A {@code /files} request that failed, with a message for the user: the agent's answer ({@code HTTP 404: …}) or
 * why it could not be reached.
 */
public final class FilesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /** @param status the HTTP status, or 0 when the agent did not answer */
    public FilesException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the agent's answer; 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** The message for the user of a failed {@link SandboxFiles} future's {@code failure}. */
    public static String messageOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof FilesException)) {
            cause = cause.getCause();
        }
        return cause instanceof FilesException files ? files.getMessage() : String.valueOf(cause.getMessage());
    }
}
