package org.meseta.agent.internal.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The directory one executor run works in, laid out as Mesos lays it out:
 * {@code <work_dir>/slaves/<agent>/frameworks/<framework>/executors/<executor>/runs/<container>}, with a
 * {@code latest} symlink beside it pointing at the newest run, and the {@code stdout} and {@code stderr} files the
 * run's processes write to. The tasks of a task group each have a sandbox of their own inside it
 * ({@link #createNested}).
 *
 * @param directory the run directory
 */
public record Sandbox(Path directory) {

    /** The name of the symlink to the newest run of an executor. */
    public static final String LATEST = "latest";

    /**
     * Creates the run directory, its empty {@code stdout} and {@code stderr}, and points {@code latest} at it.
     * Blocking file-system work.
     *
     * @throws LaunchException if an id cannot be a directory name (empty, {@code .}, {@code ..}, a slash or a NUL)
     *     or the directories cannot be created
     */
    public static Sandbox create(Path workDir, String agentId, String frameworkId, String executorId,
            String containerId) throws LaunchException {
        Path directory = of(workDir, agentId, frameworkId, executorId, containerId).directory();
        Path runs = directory.getParent();
        try {
            Files.createDirectories(directory);
            Files.createFile(directory.resolve("stdout"));
            Files.createFile(directory.resolve("stderr"));
            Path link = runs.resolve(LATEST + "." + containerId);
            Files.createSymbolicLink(link, directory);
            Files.move(link, runs.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LaunchException("Failed to create the sandbox " + directory + ": " + e.getMessage(), e);
        }
        return new Sandbox(directory);
    }

    /**
     * The sandbox of a run as {@link #create} made it, for an agent that recovers the run after a restart.
     *
     * @throws LaunchException if an id cannot be a directory name
     */
    public static Sandbox of(Path workDir, String agentId, String frameworkId, String executorId,
            String containerId) throws LaunchException {
        return new Sandbox(workDir.resolve("slaves").resolve(segment("agent", agentId))
                .resolve("frameworks").resolve(segment("framework", frameworkId))
                .resolve("executors").resolve(segment("executor", executorId))
                .resolve("runs").resolve(segment("container", containerId)).toAbsolutePath());
    }

    /**
     * Creates the sandbox of a task of a task group inside this run's, as Mesos lays out a nested container's:
     * {@code containers/<container>} with its own empty {@code stdout} and {@code stderr}, and the link
     * {@code tasks/<task>} to it. Blocking file-system work.
     *
     * @throws LaunchException if an id cannot be a directory name or the directories cannot be created
     */
    public Sandbox createNested(String containerId, String taskId) throws LaunchException {
        Path nested = directory.resolve("containers").resolve(segment("container", containerId));
        Path link = nestedLink(taskId);
        try {
            Files.createDirectories(nested);
            Files.createFile(nested.resolve("stdout"));
            Files.createFile(nested.resolve("stderr"));
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, nested);
        } catch (IOException e) {
            throw new LaunchException("Failed to create the sandbox " + nested + ": " + e.getMessage(), e);
        }
        return new Sandbox(nested);
    }

    /**
     * The sandbox of task {@code taskId} of a task group in this run, as {@link #createNested} made it, named by its
     * {@code tasks/<task>} link, for an agent that recovers the run after a restart.
     *
     * @throws LaunchException if the id cannot be a directory name
     */
    public Sandbox nested(String taskId) throws LaunchException {
        return new Sandbox(nestedLink(taskId));
    }

    private Path nestedLink(String taskId) throws LaunchException {
        return directory.resolve("tasks").resolve(segment("task", taskId));
    }

    /** The {@code latest} symlink of this run's executor (it may point at a newer run). */
    public Path latest() {
        return directory.resolveSibling(LATEST);
    }

    public Path stdout() {
        return directory.resolve("stdout");
    }

    public Path stderr() {
        return directory.resolve("stderr");
    }

    private static String segment(String what, String id) throws LaunchException {
        if (id.isEmpty() || id.equals(".") || id.equals("..") || id.indexOf('/') >= 0 || id.indexOf('\0') >= 0) {
            throw new LaunchException("Invalid " + what + " id '" + id + "': it must be usable as a directory name");
        }
        return id;
    }
}
