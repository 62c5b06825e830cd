package org.modhub.moderation.devstack.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.modhub.moderation.devstack.MailServer;
import org.modhub.moderation.devstack.internal.ChildProcesses;
import org.modhub.moderation.devstack.internal.FileTrees;

/** The launcher's bookkeeping under {@code .devstack/}: its lock, pid files, mail passwords. */
final class LauncherState {

    private final RepoLayout repo;
    private FileChannel lockChannel;
    private FileLock lock;

    LauncherState(RepoLayout repo) {
        this.repo = repo;
    }

    /**
     * Takes the state directory for this JVM: two launchers would fight over ports and data.
     * The lock goes with the process, however it ends.
     */
    boolean tryLock() {
        try {
            lockChannel = FileChannel.open(
                    repo.runDir().resolve("launcher.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
            if (lock == null) {
                lockChannel.close();
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + repo.runDir(), e);
        }
    }

    /** The mailbox passwords, generated once so that mail clients keep working across runs. */
    Map<String, String> mailPasswords() {
        Path file = repo.mailDir().resolve("passwords.properties");
        Properties stored = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    stored.load(reader);
                }
            }
            Map<String, String> passwords = new LinkedHashMap<>();
            Map<String, String> fresh = MailServer.randomPasswords();
            boolean changed = false;
            for (String mailbox : MailServer.MAILBOXES) {
                String password = stored.getProperty(mailbox);
                if (password == null || password.isBlank()) {
                    password = fresh.get(mailbox);
                    stored.setProperty(mailbox, password);
                    changed = true;
                }
                passwords.put(mailbox, password);
            }
            if (changed) {
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), "passwords", ".tmp");
                FileTrees.ownerOnly(temp);
                try (Writer writer = Files.newBufferedWriter(temp)) {
                    stored.store(writer, "Development mailbox passwords (GreenMail, local only)");
                }
                Files.move(
                        temp,
                        file,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return passwords;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** Records a child so that a later run can stop it if this launcher dies without cleaning up. */
    void recordPid(String name, long pid, String commandMarker) {
        try {
            Files.writeString(repo.runDir().resolve(name + ".pid"), pid + "\n" + commandMarker + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pid file of " + name, e);
        }
    }

    void forgetPid(String name) {
        try {
            Files.deleteIfExists(repo.runDir().resolve(name + ".pid"));
        } catch (IOException ignored) {
            // Checked against the command line before it is ever acted on.
        }
    }

    /**
     * Stops processes an earlier launcher left behind (it was killed before it could stop them):
     * those in pid files whose command line still matches, and a postmaster on our data directory.
     */
    void stopLeftovers() {
        try (Stream<Path> files = Files.list(repo.runDir())) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".pid"))
                    .toList()) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= 2) {
                    String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
                    stopIfMatches(name, lines.get(0).trim(), lines.get(1).trim());
                }
                Files.deleteIfExists(file);
            }
        } catch (IOException | NumberFormatException e) {
            System.err.println("devstack: could not check for leftover processes: " + e.getMessage());
        }
        Path postmasterPid = repo.postgresData().resolve("postmaster.pid");
        if (Files.exists(postmasterPid)) {
            try {
                String pid = Files.readAllLines(postmasterPid).get(0).trim();
                stopIfMatches("postgres", pid, "postgres");
            } catch (IOException | IndexOutOfBoundsException | NumberFormatException ignored) {
                // PostgreSQL removes a stale pid file itself on start.
            }
        }
    }

    private static void stopIfMatches(String name, String pid, String commandMarker) {
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(pid));
        if (process.isEmpty() || !process.get().isAlive()) {
            return;
        }
        boolean matches = process.get()
                .info()
                .commandLine()
                .map(command -> command.contains(commandMarker))
                .orElse(false);
        if (matches) {
            System.out.println("Stopping " + name + " (pid " + pid + ") left over from an earlier run");
            ChildProcesses.stop(process.get(), Duration.ofSeconds(15));
        }
    }
}
