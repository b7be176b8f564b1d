package org.meseta.master.internal.core;

import java.util.Optional;

/**
 * Why the master refuses an operator call: the HTTP status and the text body Mesos answers with. A call's outcome is
 * an {@code Optional<Refusal>}, empty when the call was carried out.
 */
public record Refusal(int status, String reason) {

    /** The outcome of a call refused with {@code status} and {@code reason}. */
    public static Optional<Refusal> refuse(int status, String reason) {
        return Optional.of(new Refusal(status, reason));
    }
}
