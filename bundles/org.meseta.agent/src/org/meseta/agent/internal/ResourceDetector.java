package org.meseta.agent.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;

/**
 * The agent's total resources: {@code --resources} as given, plus what it does not mention detected from the
 * host the way Mesos does: every online CPU; all memory but 1 GB (half when the host has less than 2 GB); the
 * size of the work_dir's file system but 5 GB (half below 10 GB); ports {@code [31000-32000]}. A resource
 * is "mentioned" when a resource of that name is given, for any role and in any amount, so {@code cpus:0} is
 * honoured, not detected, while {@code memcached:1} or {@code gpus(ports-team):1} mention neither mem nor ports.
 */
final class ResourceDetector {

    private static final long MB = 1024L * 1024;
    private static final long GB = 1024 * MB;
    private static final double DEFAULT_CPUS = 1;
    private static final long DEFAULT_MEM = GB;
    private static final long DEFAULT_DISK = 10 * GB;
    static final String DEFAULT_PORTS = "[31000-32000]";

    /** What the host has; empty when it cannot be told. */
    interface Host {
        OptionalLong cpus();

        OptionalLong memoryBytes();

        OptionalLong diskBytes(Path directory);
    }

    private ResourceDetector() {}

    static Resources detect(Optional<String> flag, Path workDir, Host host) throws ResourceParseException {
        String text = flag.orElse("");
        // Each resource as given: combining would drop a zero amount, which must still count as given.
        List<Resource> given = text.isBlank() ? List.of() : Resources.parseList(text, "*");
        Set<String> names = given.stream().map(Resource::getName).collect(Collectors.toSet());
        Resources resources = Resources.of(given);
        StringBuilder detected = new StringBuilder();
        if (!names.contains("cpus")) {
            detected.append("cpus:").append(host.cpus().isPresent() ? host.cpus().getAsLong() : DEFAULT_CPUS)
                    .append(';');
        }
        if (!names.contains("mem")) {
            long total = host.memoryBytes().orElse(-1);
            long mem = total < 0 ? DEFAULT_MEM : total >= 2 * GB ? total - GB : total / 2;
            detected.append("mem:").append(mem / MB).append(';');
        }
        if (!names.contains("disk")) {
            long total = host.diskBytes(workDir).orElse(-1);
            long disk = total < 0 ? DEFAULT_DISK : total >= 10 * GB ? total - 5 * GB : total / 2;
            detected.append("disk:").append(disk / MB).append(';');
        }
        if (!names.contains("ports")) {
            detected.append("ports:").append(DEFAULT_PORTS);
        }
        return detected.isEmpty() ? resources : resources.plus(Resources.parse(detected.toString(), "*"));
    }

    /** The real machine, read from /proc and the file system. */
    static final class LinuxHost implements Host {

        @Override
        public OptionalLong cpus() {
            try {
                long processors = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(line -> line.startsWith("processor")).count();
                return processors > 0 ? OptionalLong.of(processors) : OptionalLong.empty();
            } catch (IOException e) {
                return OptionalLong.of(Runtime.getRuntime().availableProcessors());
            }
        }

        @Override
        public OptionalLong memoryBytes() {
            try {
                return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                        .filter(line -> line.startsWith("MemTotal:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                        .findFirst();
            } catch (IOException | NumberFormatException e) {
                return OptionalLong.empty();
            }
        }

        @Override
        public OptionalLong diskBytes(Path directory) {
            try {
                return OptionalLong.of(Files.getFileStore(directory).getTotalSpace());
            } catch (IOException e) {
                return OptionalLong.empty();
            }
        }
    }
}
