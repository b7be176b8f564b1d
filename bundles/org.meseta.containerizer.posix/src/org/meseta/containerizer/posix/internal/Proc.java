package org.meseta.containerizer.posix.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.meseta.containerizer.api.IsolatorException;

/**
 * What {@code /proc} tells of one process: its cpu times and its resident memory. A process may end while it is
 * read; it then counts as using nothing. Stateless and thread-safe; the reads block briefly.
 */
final class Proc {

    private static final Path PROC = Path.of("/proc");
    /** Fields after the command name in {@code /proc/<pid>/stat}: utime is field 14, i.e. index 11 from field 3. */
    private static final int UTIME = 11;
    private static final long GETCONF_TIMEOUT_SECONDS = 10;

    private Proc() {}

    /**
     * Cpu time in clock ticks.
     *
     * @param user of the process and of its children it waited for
     * @param system likewise, in the kernel
     */
    record CpuTicks(long user, long system) {

        static final CpuTicks NONE = new CpuTicks(0, 0);

        CpuTicks plus(CpuTicks other) {
            return new CpuTicks(user + other.user, system + other.system);
        }
    }

    /** The process's utime + cutime and stime + cstime; nothing if it ended. */
    static CpuTicks cpu(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // The command name (field 2) may hold spaces and parentheses: fields start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new CpuTicks(Long.parseLong(fields[UTIME]) + Long.parseLong(fields[UTIME + 2]),
                    Long.parseLong(fields[UTIME + 1]) + Long.parseLong(fields[UTIME + 3]));
        } catch (IOException | RuntimeException e) {
            return CpuTicks.NONE;
        }
    }

    /** The process's resident set ({@code VmRSS}); 0 if it ended or has none (a zombie). */
    static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"))) {
                if (line.startsWith("VmRSS:")) {
                    String kilobytes = line.substring("VmRSS:".length()).strip().split("\\s+")[0];
                    return Long.parseLong(kilobytes) * 1024;
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Fails unless this process can read its own {@code /proc} entry, e.g. {@code stat} or {@code status}. */
    static void requireOwn(String file) throws IsolatorException {
        Path own = PROC.resolve("self").resolve(file);
        if (!Files.isReadable(own)) {
            throw new IsolatorException(own + " is not readable: /proc is not mounted or is not Linux's");
        }
    }

    /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), the unit of the cpu times. */
    static long clockTicksPerSecond() throws IsolatorException {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!getconf.waitFor(GETCONF_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                getconf.destroyForcibly();
                throw new IsolatorException("getconf CLK_TCK did not answer");
            }
            return Optional.of(output).filter(text -> text.matches("[1-9][0-9]*")).map(Long::parseLong)
                    .orElseThrow(() -> new IsolatorException("getconf CLK_TCK answered '" + output + "'"));
        } catch (IOException e) {
            throw new IsolatorException("cannot run getconf to learn the clock tick rate: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IsolatorException("interrupted while learning the clock tick rate", e);
        }
    }
}
