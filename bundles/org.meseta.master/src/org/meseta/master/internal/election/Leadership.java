package org.meseta.master.internal.election;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.mesos.v1.Protos.MasterInfo;

/**
 * Whether this master leads, and which master does when it does not: what its HTTP endpoints answer follows from
 * it.
 *
 * <pre>
 *   STANDBY ──elected──► RECOVERING ──recovered──► LEADING
 *      │                      │                        │
 *      └──────────────────────┴──────── lost ──────────┴──► ENDED    (the master stops acting and exits)
 * </pre>
 *
 * Moved by compare-and-set by the {@link Election}; read from any thread (the HTTP event loops). The leader another
 * master's detector reported is kept alongside, for redirects.
 */
public final class Leadership {

    /** Where this master is in its leadership. */
    public enum Phase {
        /** Not elected (yet): the leader-only endpoints redirect to the leader. */
        STANDBY,
        /** Elected, recovering what a leader recovers: serves its state, but not the APIs that change it. */
        RECOVERING,
        /** Elected and recovered: serves everything. */
        LEADING,
        /** Lost its leadership or candidacy for good: acts no more and is about to exit. */
        ENDED
    }

    private final MasterInfo self;
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STANDBY);
    private final CompletableFuture<Phase> recoveryOver = new CompletableFuture<>();
    private volatile Optional<MasterInfo> detected = Optional.empty();

    /** @param self this master */
    public Leadership(MasterInfo self) {
        this.self = self;
    }

    /** The phase now; a snapshot that may change at once. */
    public Phase phase() {
        return phase.get();
    }

    /**
     * The leading master to send clients to: this one once elected; otherwise the leader last detected, unless
     * that is this master itself (its own election is about to be reported); empty when no leader is known.
     */
    public Optional<MasterInfo> leader() {
        return switch (phase.get()) {
            case RECOVERING, LEADING -> Optional.of(self);
            case STANDBY, ENDED -> detected.filter(leader -> !leader.getId().equals(self.getId()));
        };
    }

    /**
     * Completes with {@link Phase#LEADING} once this master has recovered, or with {@link Phase#ENDED} if it ends
     * first; never while it stands by. Dependent stages run on the thread that ends the recovery: they must not block.
     */
    public CompletionStage<Phase> recoveryOver() {
        return recoveryOver.minimalCompletionStage();
    }

    /** Records the leading master the detector reports (empty: none known). */
    void detected(Optional<MasterInfo> leader) {
        detected = leader;
    }

    /** STANDBY to RECOVERING; false in any other phase. */
    boolean elected() {
        return phase.compareAndSet(Phase.STANDBY, Phase.RECOVERING);
    }

    /** RECOVERING to LEADING; false in any other phase. */
    boolean recovered() {
        boolean recovered = phase.compareAndSet(Phase.RECOVERING, Phase.LEADING);
        if (recovered) {
            recoveryOver.complete(Phase.LEADING);
        }
        return recovered;
    }

    /** Moves to ENDED and returns the phase it ended from ({@code ENDED} if it had ended before). */
    Phase end() {
        Phase before = phase.getAndSet(Phase.ENDED);
        recoveryOver.complete(Phase.ENDED);
        return before;
    }
}
