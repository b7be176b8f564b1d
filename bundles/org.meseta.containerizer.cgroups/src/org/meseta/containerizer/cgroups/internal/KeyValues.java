package org.meseta.containerizer.cgroups.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The "flat keyed" files of cgroups, one {@code key value} pair a line: {@code memory.stat}, {@code cpu.stat},
 * {@code cpuacct.stat}, {@code memory.oom_control}, {@code memory.events}, {@code pids.events}. Values that are not
 * integers are skipped. Stateless.
 */
final class KeyValues {

    private KeyValues() {}

    static Map<String, Long> parse(String text) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String[] words = line.strip().split("\\s+");
            if (words.length == 2) {
                try {
                    values.put(words[0], Long.parseLong(words[1]));
                } catch (NumberFormatException e) {
                    // not a counter: skipped
                }
            }
        }
        return values;
    }
}
