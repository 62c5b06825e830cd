package org.modhub.moderation.devstack.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.modhub.moderation.devstack.DevStackDefaults;

/**
 * Where things are: the repository root (the directory holding {@code mvnw}, or
 * {@code -Ddevstack.repo}) and the launcher's state under {@code <repo>/.devstack/}.
 */
public record RepoLayout(Path root) {

    /** System property that names the repository root explicitly. */
    public static final String REPO_PROPERTY = "devstack.repo";

    public static final String STATE_DIR = ".devstack";

    /** From {@code -Ddevstack.repo}, else walking up from the working directory to {@code mvnw}. */
    public static RepoLayout locate() {
        String explicit = System.getProperty(REPO_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            Path root = Path.of(explicit).toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("-D" + REPO_PROPERTY + "=" + explicit + " is not a directory");
            }
            return new RepoLayout(root);
        }
        return locateFrom(Path.of(System.getProperty("user.dir")));
    }

    static RepoLayout locateFrom(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return new RepoLayout(dir);
            }
        }
        throw new IllegalStateException(
                "no mvnw in " + start + " or above; run from the repository or pass -D" + REPO_PROPERTY + "=<repo>");
    }

    public Path stateDir() {
        return root.resolve(STATE_DIR);
    }

    public Path postgresData() {
        return stateDir().resolve("pg");
    }

    public Path kafkaDir() {
        return stateDir().resolve("kafka");
    }

    public Path jwtDir() {
        return stateDir().resolve("jwt");
    }

    public Path mailDir() {
        return stateDir().resolve("mail");
    }

    public Path logDir() {
        return stateDir().resolve("logs");
    }

    /** What the hub stand-in serves under the launcher; a developer edits it while {@code bin/run} runs. */
    public Path hubFixtures() {
        return stateDir().resolve("hub-fixtures.json");
    }

    public Path runDir() {
        return stateDir().resolve("run");
    }

    public Path serviceJar(String service) {
        return serviceDir(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    /** The staff console's module; it runs like a service (same process handling), but owns no data. */
    public static final String CONSOLE = "console";

    public Path serviceDir(String service) {
        return root.resolve(CONSOLE.equals(service) ? CONSOLE : DevStackDefaults.serviceModule(service));
    }

    public Path serviceLog(String service) {
        return logDir().resolve(service + ".log");
    }

    /**
     * Creates the state directories. The state directory ignores itself for git, so keys,
     * passwords and data can never be committed by accident.
     */
    public void prepare() {
        try {
            for (Path dir : new Path[] {stateDir(), logDir(), runDir(), mailDir()}) {
                Files.createDirectories(dir);
            }
            Path gitignore = stateDir().resolve(".gitignore");
            if (!Files.exists(gitignore)) {
                Files.writeString(
                        gitignore, "# Local state of the devstack launcher: keys, passwords, data, logs.\n*\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + stateDir(), e);
        }
    }
}
