package org.meseta.master.internal.http;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.meseta.daemon.OperatorCalls.Reply;
import org.meseta.master.internal.core.Refusal;

/** How the master's operator calls turn their outcome into a reply. Stateless. */
final class Replies {

    private Replies() {}

    /** 200 with an empty body when carried out, else the refusal's status and text. */
    static Reply done(Optional<Refusal> outcome) {
        return outcome.<Reply>map(refusal -> new Reply.Refused(refusal.status(), refusal.reason()))
                .orElseGet(Reply.Done::new);
    }

    /** Mesos's 400 for a call without its sub-message, e.g. {@code update_quota}. */
    static CompletionStage<Reply> missing(String field) {
        return CompletableFuture.completedFuture(new Reply.Refused(400, "Failed to validate master::Call: Expecting '"
                + field + "' to be present"));
    }
}
