package org.meseta.agent.internal.tasks;

/** Where an executor run is in its life, on this agent. */
enum ExecutorState {
    /** Its sandbox is being filled (URIs fetched) and its process not yet started. */
    LAUNCHING,
    /** Its process runs; a custom executor has not subscribed yet. */
    REGISTERING,
    /** Its process runs (and a custom executor has subscribed). */
    RUNNING,
    /** It is being shut down or killed. */
    TERMINATING,
    /** Its process ended (or never started); its tasks have terminal states. */
    TERMINATED;

    /** Whether new tasks may still be given to an executor in this state. */
    boolean acceptsTasks() {
        return switch (this) {
            case LAUNCHING, REGISTERING, RUNNING -> true;
            case TERMINATING, TERMINATED -> false;
        };
    }
}
