package org.meseta.cli.internal;

import org.apache.mesos.v1.scheduler.Protos.Event;

/** What the subscription's HTTP response tells the session, decoded by {@link EventStream}, in arrival order. */
sealed interface StreamSignal {

    /** The master accepted the subscription (200) and named the stream; events follow. */
    record Opened(String streamId) implements StreamSignal {}

    /** A master that does not lead pointed elsewhere (a 3xx {@code Location}, e.g. {@code //leader:5050/...}). */
    record Redirected(String location) implements StreamSignal {}

    /** The master answered the subscription with an error status and this (possibly cut) text. */
    record Refused(int status, String body) implements StreamSignal {}

    /** One event of the stream. */
    record Received(Event event) implements StreamSignal {}

    /** The master ended the stream normally. */
    record Ended() implements StreamSignal {}

    /** No connection to the master could be made (refused, unreachable, unknown host): worth trying again. */
    record Unreachable(String reason) implements StreamSignal {}

    /** The stream failed: connection lost, malformed framing, an undecodable event. */
    record Broken(String reason) implements StreamSignal {}
}
