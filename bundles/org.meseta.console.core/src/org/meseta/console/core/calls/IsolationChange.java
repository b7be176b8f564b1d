package org.meseta.console.core.calls;

import java.util.List;
import java.util.Optional;

/**
 * The isolation settings to change; the others keep their values. Sent as the operator typed them: the agent checks
 * them and names every field it refuses.
 *
 * @param isolation the isolators, in order
 * @param cgroupsEnableCfs whether {@code cgroups/cpu} sets a CFS quota
 * @param memoryLimitMode a memory limit mode
 * @param pidsLimit a number, sent as a JSON number when it is an integer, else as text ({@code max})
 * @param cgroupsRoot the cgroups root
 */
public record IsolationChange(Optional<List<String>> isolation, Optional<Boolean> cgroupsEnableCfs,
        Optional<String> memoryLimitMode, Optional<String> pidsLimit, Optional<String> cgroupsRoot) {

    /** Changes nothing. */
    public static final IsolationChange NONE = new IsolationChange(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());

    public IsolationChange {
        isolation = isolation.map(List::copyOf);
    }

    /**
     * What differs between {@code current} and the edited values: only settings whose value changed are sent, so
     * that a change of one field cannot fail on another.
     */
    public static IsolationChange between(IsolationSettings current, List<String> isolation, boolean cgroupsEnableCfs,
            String memoryLimitMode, String pidsLimit, String cgroupsRoot) {
        return new IsolationChange(differing(current.isolation(), List.copyOf(isolation)),
                differing(current.cgroupsEnableCfs(), cgroupsEnableCfs),
                differing(current.memoryLimitMode(), memoryLimitMode),
                differing(current.pidsLimit(), pidsLimit.strip()),
                differing(current.cgroupsRoot(), cgroupsRoot.strip()));
    }

    /** Whether it changes nothing. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    private static <T> Optional<T> differing(T current, T edited) {
        return current.equals(edited) ? Optional.empty() : Optional.of(edited);
    }
}
