package org.meseta.console.core;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The masters the user connected to, most recent first, without duplicates and at most
 * {@link #CAPACITY} of them. Immutable; {@link #remember(MasterLocation)} returns a new list.
 *
 * <p>{@link #encode()} and {@link #decode(String)} turn the list into one string for a preference
 * store, a location per line in its {@link MasterLocation#text()} form (so no password is ever stored). Decoding is
 * forgiving: entries that are no longer valid locations are dropped rather than failing, so a hand-edited or damaged
 * preference never stops the console from starting; a comma-separated list of {@code HOST:PORT}s (how earlier
 * consoles stored it) is read too.
 *
 * @param masters most recent first; the constructor drops ZooKeeper credentials, repeats (keeping the first) and
 *        everything beyond {@link #CAPACITY}
 */
public record RecentMasters(List<MasterLocation> masters) {

    /** The most masters remembered. */
    public static final int CAPACITY = 10;

    private static final String SEPARATOR = "\n";
    private static final String LEGACY_SEPARATOR = ",";

    public RecentMasters {
        // A location's text has no credentials: parsed again, two URLs that differ only in those are one.
        masters = masters.stream().map(master -> MasterLocation.parse(master.text())).distinct().limit(CAPACITY)
                .toList();
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
        List<MasterLocation> parsed = new ArrayList<>();
        for (String line : encoded.split(SEPARATOR)) {
            boolean group = line.strip().startsWith("zk://");
            for (String entry : group ? new String[] {line} : line.split(LEGACY_SEPARATOR)) {
                try {
                    parsed.add(MasterLocation.parse(entry));
                } catch (IllegalArgumentException damagedEntry) {
                    // forgotten; the other entries stay usable
                }
            }
        }
        return new RecentMasters(parsed);
    }

    /** This list with {@code master} moved (or added) to the front. */
    public RecentMasters remember(MasterLocation master) {
        return new RecentMasters(Stream.concat(Stream.of(master), masters.stream()).toList());
    }

    /** The most recently used master's text, or an empty string when there is none. */
    public String mostRecentText() {
        return masters.isEmpty() ? "" : masters.get(0).text();
    }

    /** One string holding the whole list, for a preference value. */
    public String encode() {
        return masters.stream().map(MasterLocation::text).collect(Collectors.joining(SEPARATOR));
    }
}
