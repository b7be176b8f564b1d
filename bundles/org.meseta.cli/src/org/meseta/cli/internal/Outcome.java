package org.meseta.cli.internal;

/** How a run of {@code meseta-execute} ended. */
sealed interface Outcome {

    /** The task finished (TASK_FINISHED): exit status 0. */
    record Succeeded() implements Outcome {}

    /**
     * The task ended in another state, or the run could not go on (the master refused, sent an ERROR, went away):
     * exit status 1.
     *
     * @param reason one line for stderr, saying what happened
     */
    record Failed(String reason) implements Outcome {}

    /** The run was stopped from outside (SIGINT, SIGTERM) and wound down; the signal decides the exit status. */
    record Interrupted() implements Outcome {}
}
