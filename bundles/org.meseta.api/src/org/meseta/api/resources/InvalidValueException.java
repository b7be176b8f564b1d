package org.meseta.api.resources;

/**
 * A value (scalar, ranges, set) that does not parse or validate. Carries only the reason; the caller adds the
 * context (which resource or attribute) before showing it to the user as a {@link ResourceParseException}.
 */
final class InvalidValueException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidValueException(String reason) {
        super(reason);
    }
}
