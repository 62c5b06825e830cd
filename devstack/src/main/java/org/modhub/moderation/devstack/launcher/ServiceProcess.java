package org.modhub.moderation.devstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.devstack.DevStackDefaults;
import org.modhub.moderation.devstack.internal.ChildProcesses;
import org.modhub.moderation.devstack.internal.OrphanGuard;

/**
 * One service run by the launcher from its {@code quarkus-run.jar}. Public for the end-to-end
 * suite, which also kills ({@link #kill()}) and restarts ({@link #restart()}) services.
 */
public final class ServiceProcess {

    public enum Readiness {
        READY,
        EXITED,
        TIMED_OUT
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final int port;
    private Path jar;
    private final Path log;
    private final Path pidFile;
    private Process process;
    private OrphanGuard guard;
    private List<String> javaOptions;
    private Map<String, String> env;
    private Path workDir;

    public ServiceProcess(String service, int port, Path jar, Path log, Path pidFile) {
        this.service = service;
        this.port = port;
        this.jar = jar;
        this.log = log;
        this.pidFile = pidFile;
    }

    public String service() {
        return service;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    /** The packaged application this process runs ({@link #restartFrom} changes it). */
    public synchronized Path jar() {
        return jar;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public synchronized Process process() {
        return process;
    }

    /** Starts the service with {@code env} added to the launcher's environment. */
    public synchronized void start(List<String> javaOptions, Map<String, String> env, Path workDir) {
        boolean restarted = this.javaOptions != null;
        this.javaOptions = List.copyOf(javaOptions);
        this.env = Map.copyOf(env);
        this.workDir = workDir;
        List<String> command = new ArrayList<>();
        command.add(ChildProcesses.javaExecutable());
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(ChildProcesses.detached(command))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                // A fresh log per run of the launcher; a restarted service appends to it.
                .redirectOutput(
                        restarted
                                ? ProcessBuilder.Redirect.appendTo(log.toFile())
                                : ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        try {
            process = builder.start();
            // Services cannot watch our stdin like the broker does; a guard ends them if we die.
            guard = OrphanGuard.watch(process.pid(), "TERM");
            Files.writeString(pidFile, process.pid() + "\n" + jar + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service + " from " + jar, e);
        }
    }

    /** Polls {@code /q/health/ready} until it answers 200, the process exits, or the deadline passes. */
    public Readiness awaitReady(long deadlineNanos) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + DevStackDefaults.HOST + ":" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(3))
                .GET()
                .build();
        while (System.nanoTime() < deadlineNanos) {
            Process current = process();
            if (current == null || !current.isAlive()) {
                return Readiness.EXITED;
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Readiness.READY;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Readiness.TIMED_OUT;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Readiness.TIMED_OUT;
            }
        }
        return Readiness.TIMED_OUT;
    }

    /** SIGTERM, then SIGKILL after {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        if (guard != null) {
            guard.close();
            guard = null;
        }
        ChildProcesses.stop(process.toHandle(), grace);
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // A stale pid file is checked against the command line before it is acted on.
        }
    }

    /**
     * SIGKILL, as a crash: no shutdown hook runs, nothing is flushed or released. Returns once
     * the process is gone.
     */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        if (guard != null) {
            guard.close();
            guard = null;
        }
        process.destroyForcibly();
        ChildProcesses.await(process.toHandle(), Duration.ofSeconds(30));
    }

    /** Starts the service again as it was started last (same port, configuration and log). */
    public synchronized void restart() {
        if (javaOptions == null) {
            throw new IllegalStateException(service + " was never started");
        }
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(service + " still runs; stop or kill it first");
        }
        start(javaOptions, env, workDir);
    }

    /**
     * Starts the service again from another build (same port, configuration and log), as a rolling upgrade replaces
     * a pod's image: the caller stops or kills this one first.
     */
    public synchronized void restartFrom(Path otherJar) {
        jar = otherJar;
        restart();
    }
}
