package org.meseta.console.core.internal;

import org.meseta.console.core.ClusterSnapshot;
import org.meseta.console.core.MasterAddress;

/** What one poll of the master's operator API came to; expected failures are values, not exceptions. */
sealed interface PollOutcome {

    /** The master (or the leader it redirected to) listed its agents. */
    record Agents(MasterAddress leader, ClusterSnapshot snapshot) implements PollOutcome {
    }

    /** No HTTP answer at all: refused, timed out, unknown host, connection dropped. */
    record Unreachable(String reason) implements PollOutcome {
    }

    /** An HTTP answer that is not a usable agent list. */
    record ProtocolError(String reason) implements PollOutcome {
    }
}
