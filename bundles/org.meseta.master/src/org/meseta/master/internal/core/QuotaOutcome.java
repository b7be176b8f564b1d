package org.meseta.master.internal.core;

/**
 * How a quota call ended: status 200 with no message, or the error status Mesos answers (400, or 409 for a
 * deprecated {@code SET_QUOTA} beyond the cluster's capacity) and its text.
 */
public record QuotaOutcome(int status, String message) {

    static final QuotaOutcome OK = new QuotaOutcome(200, "");

    public boolean isOk() {
        return status == 200;
    }
}
