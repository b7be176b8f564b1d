package org.meseta.master.internal.core;

/**
 * How the master answers a scheduler call other than SUBSCRIBE: the HTTP status the v1 scheduler API gives it and,
 * for refusals, the reason as the text body.
 */
public record SchedulerReply(int status, String reason) {

    private static final SchedulerReply ACCEPTED = new SchedulerReply(202, "");
    private static final SchedulerReply OK = new SchedulerReply(200, "");

    /** 202: the call is taken; its effects show in events. */
    public static SchedulerReply accepted() {
        return ACCEPTED;
    }

    /** 200: done (UPDATE_FRAMEWORK). */
    public static SchedulerReply ok() {
        return OK;
    }

    public static SchedulerReply refused(int status, String reason) {
        return new SchedulerReply(status, reason);
    }
}
