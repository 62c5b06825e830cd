package org.modhub.moderation.devstack.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Signals a process when this JVM dies, however it dies (SIGKILL included): a tiny
 * {@code sh} waits for EOF on a pipe that only this JVM holds open, then sends the signal.
 * Used for PostgreSQL (pg_ctl detaches the postmaster, so it is not our child) and for the
 * services the launcher starts.
 */
public final class OrphanGuard implements AutoCloseable {

    private final Process watcher;

    private OrphanGuard(Process watcher) {
        this.watcher = watcher;
    }

    /** {@code signal} is a name {@code kill} understands, e.g. {@code TERM} or {@code INT}. */
    public static OrphanGuard watch(long pid, String signal) {
        if (!signal.matches("[A-Z]+")) {
            throw new IllegalArgumentException("signal name expected: " + signal);
        }
        ProcessBuilder builder = new ProcessBuilder(
                        List.of("/bin/sh", "-c", "read ignored; kill -" + signal + " " + pid + " 2>/dev/null"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            return new OrphanGuard(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the orphan guard for pid " + pid, e);
        }
    }

    /** Disarms the guard: the watched process is being stopped in an orderly way. */
    @Override
    public void close() {
        // SIGTERM ends sh while it waits in `read`, so no signal is sent.
        watcher.destroy();
        ChildProcesses.await(watcher.toHandle(), java.time.Duration.ofSeconds(5));
    }
}
