package org.meseta.api.resources;

/**
 * Signals resource or attribute input that cannot be accepted. The message is meant for the person who wrote
 * the input: one line that names the offending token and says what is wrong with it, for example
 * {@code Invalid resource 'cpus:abc': 'abc' is not a number}.
 */
public final class ResourceParseException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * @param message the user-facing, one-line description of the problem
     */
    public ResourceParseException(String message) {
        super(message);
    }
}
