package org.meseta.containerizer.cgroups.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.meseta.containerizer.api.CgroupsOptions;
import org.meseta.containerizer.api.IsolatorException;

/**
 * Finds the hierarchy a controller is mounted in under {@code --cgroups_hierarchy}, from the mount table
 * ({@code /proc/self/mounts}): a v1 hierarchy whose mount options name the controller if there is one (hosts that
 * mount both, "hybrid", keep controllers in v1), else the v2 hierarchy if its {@code cgroup.controllers} lists it.
 * Stateless.
 */
final class Mounts {

    private static final Path MOUNT_TABLE = Path.of("/proc/self/mounts");

    /** One line of the mount table: {@code device mount-point type options ...}. */
    record Mount(Path point, String type, List<String> options) {}

    private Mounts() {}

    /**
     * The hierarchy of {@code controller} on this host, its root created (and, on v2, the controller enabled).
     *
     * @throws IsolatorException naming the controller and why it cannot be used
     */
    static Hierarchy require(String controller, CgroupsOptions options) throws IsolatorException {
        String table;
        try {
            table = Files.readString(MOUNT_TABLE);
        } catch (IOException e) {
            throw new IsolatorException("cannot read the mount table " + MOUNT_TABLE + ": " + e.getMessage(), e);
        }
        Mount mount = find(controller, options.hierarchy(), parse(table), Mounts::controllers).orElseThrow(
                () -> new IsolatorException("no cgroup hierarchy with the '" + controller + "' controller is mounted"
                        + " under " + options.hierarchy() + " (v1, or v2 listing it in cgroup.controllers)"));
        if (mount.options().contains("ro")) {
            throw new IsolatorException("the cgroup hierarchy " + mount.point() + " is mounted read-only");
        }
        CgroupsVersion version = mount.type().equals("cgroup2") ? CgroupsVersion.V2 : CgroupsVersion.V1;
        Hierarchy hierarchy = new Hierarchy(mount.point(), version, mount.point().resolve(options.root()));
        hierarchy.prepareRoot(controller);
        return hierarchy;
    }

    static List<Mount> parse(String table) {
        return table.lines().map(line -> line.split(" ")).filter(fields -> fields.length >= 4)
                .map(fields -> new Mount(Path.of(fields[1].replace("\\040", " ")), fields[2],
                        Arrays.asList(fields[3].split(","))))
                .toList();
    }

    /**
     * The mount holding {@code controller} at or below {@code under}: v1 first, then v2.
     *
     * @param controllersOf the controllers a v2 mount offers (its {@code cgroup.controllers})
     */
    static Optional<Mount> find(String controller, Path under, List<Mount> mounts,
            Function<Path, List<String>> controllersOf) {
        List<Mount> below = mounts.stream().filter(mount -> mount.point().startsWith(under)).toList();
        return below.stream().filter(mount -> mount.type().equals("cgroup") && mount.options().contains(controller))
                .findFirst()
                .or(() -> below.stream().filter(mount -> mount.type().equals("cgroup2"))
                        .filter(mount -> controllersOf.apply(mount.point()).contains(controller)).findFirst());
    }

    private static List<String> controllers(Path v2Mount) {
        try {
            return List.of(Files.readString(v2Mount.resolve("cgroup.controllers")).strip().split(" "));
        } catch (IOException e) {
            return List.of();
        }
    }
}
