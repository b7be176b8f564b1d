package org.meseta.agent.internal.fetcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Extracts the archives the fetcher recognises by their name: tar files ({@code .tar}, {@code .tar.gz},
 * {@code .tgz}, {@code .tar.bz2}, {@code .tbz2}, {@code .tar.xz}, {@code .txz}) with the system's {@code tar},
 * which refuses members that would land outside the directory, and {@code .zip} files in Java, refusing such
 * entries itself. Blocking; stateless.
 */
final class Archives {

    private static final List<String> TAR_SUFFIXES = List.of(".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2",
            ".tar.xz", ".txz");
    private static final long TAR_TIMEOUT_MINUTES = 30;
    private static final int MAX_TAR_ERROR_CHARS = 500;

    private Archives() {}

    /** The archive kind of {@code fileName}, if it names one. */
    static Optional<String> kind(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            return Optional.of("zip");
        }
        return TAR_SUFFIXES.stream().anyMatch(name::endsWith) ? Optional.of("tar") : Optional.empty();
    }

    /** Extracts {@code archive} (of a {@link #kind}) into {@code directory}. */
    static void extract(String uri, Path archive, Path directory) throws FetchException {
        if (kind(archive.getFileName().toString()).orElseThrow().equals("zip")) {
            unzip(uri, archive, directory);
        } else {
            untar(uri, archive, directory);
        }
    }

    private static void untar(String uri, Path archive, Path directory) throws FetchException {
        // GNU tar detects the compression itself; --no-same-owner keeps a root agent from restoring foreign owners.
        List<String> command = new ArrayList<>(List.of("tar", "--no-same-owner", "-C", directory.toString(),
                "-xf", archive.toString()));
        try {
            Process tar = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!tar.waitFor(TAR_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                tar.destroyForcibly();
                throw new FetchException(uri, "extracting it timed out");
            }
            if (tar.exitValue() != 0) {
                String reason = output.length() > MAX_TAR_ERROR_CHARS ? output.substring(0, MAX_TAR_ERROR_CHARS)
                        : output;
                throw new FetchException(uri, "tar could not extract it: " + reason.replace('\n', ' '));
            }
        } catch (IOException e) {
            throw new FetchException(uri, "cannot run tar: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(uri, "interrupted while extracting it", e);
        }
    }

    private static void unzip(String uri, Path archive, Path directory) throws FetchException {
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            Path root = directory.toRealPath();
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root) || !staysInside(root, target.getParent())) {
                    throw new FetchException(uri, "zip entry '" + entry.getName()
                            + "' would be extracted outside the sandbox");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new FetchException(uri, "cannot extract the zip file: " + e.getMessage(), e);
        }
    }

    /**
     * Whether {@code directory}, once created, is inside {@code root}: its deepest existing ancestor must really be
     * there, since a symlink already in the sandbox could lead a well-formed name elsewhere.
     */
    private static boolean staysInside(Path root, Path directory) throws IOException {
        Path existing = directory;
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing.toRealPath().startsWith(root);
    }
}
