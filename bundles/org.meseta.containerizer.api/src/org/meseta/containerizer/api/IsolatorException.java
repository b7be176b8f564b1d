package org.meseta.containerizer.api;

/**
 * An isolator cannot do what it was asked: it cannot work on this host ({@link IsolatorFactory#create}), or a phase
 * failed for one container. The message is one line for the operator or the task's status update, without the
 * isolator's name (the agent adds it).
 */
public final class IsolatorException extends Exception {

    private static final long serialVersionUID = 1L;

    public IsolatorException(String message) {
        super(message);
    }

    public IsolatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
