package org.meseta.console.core;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The masters the user connected to, most recent first, without duplicates and at most
 * {@link #CAPACITY} of them. Immutable; {@link #remember(MasterAddress)} returns a new list.
 *
 * <p>{@link #encode()} and {@link #decode(String)} turn the list into one string for a preference
 * store. Decoding is forgiving: entries that are no longer valid addresses are dropped rather than
 * failing, so a hand-edited or damaged preference never stops the console from starting.
 *
 * @param masters most recent first; the constructor drops repeats (keeping the first) and
 *        everything beyond {@link #CAPACITY}
 */
public record RecentMasters(List<MasterAddress> masters) {

    /** The most masters remembered. */
    public static final int CAPACITY = 10;

    private static final String SEPARATOR = ",";

    public RecentMasters {
        masters = masters.stream().distinct().limit(CAPACITY).toList();
    }

    /** No masters. */
    public static RecentMasters empty() {
        return new RecentMasters(List.of());
    }

    /** Reads what {@link #encode()} wrote; {@code null} or blank means none. */
    public static RecentMasters decode(String encoded) {
        if (encoded == null || encoded.isBlank()) {
            return empty();
        }
        List<MasterAddress> parsed = new ArrayList<>();
        for (String entry : encoded.split(SEPARATOR)) {
            try {
                parsed.add(MasterAddress.parse(entry));
            } catch (IllegalArgumentException damagedEntry) {
                // forgotten; the other entries stay usable
            }
        }
        return new RecentMasters(parsed);
    }

    /** This list with {@code master} moved (or added) to the front. */
    public RecentMasters remember(MasterAddress master) {
        return new RecentMasters(Stream.concat(Stream.of(master), masters.stream()).toList());
    }

    /** The most recently used master's text, or an empty string when there is none. */
    public String mostRecentText() {
        return masters.isEmpty() ? "" : masters.get(0).toString();
    }

    /** One string holding the whole list, for a preference value. */
    public String encode() {
        return masters.stream().map(MasterAddress::toString).collect(Collectors.joining(SEPARATOR));
    }
}
