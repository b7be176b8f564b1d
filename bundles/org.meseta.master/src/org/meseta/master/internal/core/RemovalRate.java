package org.meseta.master.internal.core;

import java.time.Duration;
import org.meseta.api.flags.StoutDuration;

/**
 * Mesos's {@code --agent_removal_rate_limit}: at most {@code permits} agents marked unreachable after failing their
 * health checks per {@code duration}, e.g. {@code 1/10mins}. The transitions are spaced evenly, one every
 * {@link #interval()}.
 *
 * @param permits how many agents, at least 1
 * @param duration per how long, positive
 */
public record RemovalRate(int permits, Duration duration) {

    private static final String FORMAT = "Format is <Number of agents>/<Duration>";

    public RemovalRate {
        if (permits < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(FORMAT + ", with at least 1 agent and a positive duration");
        }
    }

    /**
     * Parses the flag's value, such as {@code 2/3hrs}.
     *
     * @throws IllegalArgumentException naming the expected format and what is wrong
     */
    public static RemovalRate parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(FORMAT);
        }
        int permits;
        try {
            permits = Integer.parseInt(parts[0].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FORMAT + ": '" + parts[0] + "' is not a whole number", e);
        }
        Duration duration;
        try {
            duration = StoutDuration.parse(parts[1].strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FORMAT + ": " + e.getMessage(), e);
        }
        return new RemovalRate(permits, duration);
    }

    /** How long apart two transitions are at least. */
    public Duration interval() {
        return duration.dividedBy(permits);
    }

    /** The flag's value, as {@link #parse(String)} reads it. */
    @Override
    public String toString() {
        return permits + "/" + StoutDuration.format(duration);
    }
}
