package org.meseta.console.core.calls;

/**
 * A refusal that names what it is about.
 *
 * @param field the field of the request the server refused, as the server names it ({@code pids_limit}, or
 *        {@code body} for the request as a whole)
 * @param message why, in the server's words
 */
public record FieldError(String field, String message) {
}
