package org.meseta.api.flags;

/**
 * Signals command-line arguments that cannot be accepted. The message is one line for the person who typed
 * them, e.g. {@code Unknown flag '--foo'} or {@code Missing required flag '--work_dir'}; programs print it (without
 * a stack trace or the usage text) and exit.
 */
public final class FlagException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the user-facing, one-line description of the problem
     */
    public FlagException(String message) {
        super(message);
    }
}
