package org.meseta.console.ui.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.model.Amounts;

/** Resource quantities in one line for tables: {@code 0.5 cpus · 64 MB mem · 0 MB disk}. Stateless. */
public final class Quantities {

    private static final List<String> FIRST = List.of("cpus", "mem", "disk");

    private Quantities() {
    }

    /** The cpus, memory and disk of {@code amounts}. */
    public static String of(Amounts amounts) {
        return ResourceFormat.number(amounts.cpus()) + " cpus · " + ResourceFormat.megabytes(amounts.memMb())
                + " mem · " + ResourceFormat.megabytes(amounts.diskMb()) + " disk";
    }

    /**
     * Named quantities (quota), cpus, mem and disk first, the others by name; memory and disk in binary units;
     * {@code ""} for none.
     */
    public static String of(Map<String, Double> quantities) {
        List<String> names = new ArrayList<>(FIRST);
        names.retainAll(quantities.keySet());
        new TreeMap<>(quantities).keySet().stream().filter(name -> !FIRST.contains(name)).forEach(names::add);
        return names.stream().map(name -> one(name, quantities.get(name))).collect(Collectors.joining(" · "));
    }

    /** {@code 512 MB mem}, {@code 2 cpus}. */
    public static String one(String name, double amount) {
        boolean megabytes = name.equals("mem") || name.equals("disk");
        return (megabytes ? ResourceFormat.megabytes(amount) : ResourceFormat.number(amount)) + " " + name;
    }
}
