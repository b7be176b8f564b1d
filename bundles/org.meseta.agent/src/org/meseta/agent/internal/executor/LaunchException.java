package org.meseta.agent.internal.executor;

/** A container could not be prepared or started; the message is one line for the task's status update. */
public final class LaunchException extends Exception {

    private static final long serialVersionUID = 1L;

    public LaunchException(String message) {
        super(message);
    }

    public LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
