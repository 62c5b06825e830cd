package org.modhub.moderation.devstack.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting and, above all, reliably ending child processes. */
public final class ChildProcesses {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ChildProcesses() {}

    /**
     * Runs {@code command} in its own session where {@code setsid} exists, so Ctrl-C in the
     * terminal reaches only the launcher, which then stops its children in order (services before
     * the broker they publish to). {@code setsid} execs in place, so the pid stays the child's.
     */
    public static List<String> detached(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> result = new ArrayList<>(command.size() + 1);
        result.add(SETSID.toString());
        result.addAll(command);
        return result;
    }

    /** The {@code java} executable of the running JVM: children run on the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * SIGTERM, wait up to {@code grace}, then SIGKILL; descendants are killed as well. True if the process
     * exited by itself within {@code grace}.
     */
    public static boolean stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        boolean exited = true;
        if (process.isAlive()) {
            process.destroy();
            if (!await(process, grace)) {
                exited = false;
                process.destroyForcibly();
                await(process, Duration.ofSeconds(10));
            }
        }
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroyForcibly();
            }
        }
        return exited;
    }

    /** Waits until the process has exited; true if it did within {@code timeout}. */
    public static boolean await(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    /** The last {@code lines} lines of a log file, for error messages; empty if unreadable. */
    public static String tail(Path file, int lines) {
        if (file == null || !Files.isRegularFile(file)) {
            return "";
        }
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            // A log with a broken multi-byte sequence: fall back to bytes.
            try {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                String[] split = text.split("\\R");
                return String.join(
                        System.lineSeparator(),
                        List.of(split).subList(Math.max(0, split.length - lines), split.length));
            } catch (IOException ignored) {
                return "";
            }
        }
    }
}
