package org.modhub.moderation.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import org.modhub.moderation.devstack.internal.ChildProcesses;
import org.modhub.moderation.devstack.internal.OrphanGuard;
import org.modhub.moderation.devstack.internal.Ports;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL: an embedded server (zonky binaries, PostgreSQL 18) on a given or free port with a
 * persistent or temporary data directory, or an external server where only databases are created.
 * {@link #stop()} is PostgreSQL's fast shutdown; {@link #start()} reuses the port and data directory.
 */
public final class PostgresServer extends ManagedServer {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    /** SQLSTATEs of a database that already exists, or was created by a concurrent session. */
    private static final String DUPLICATE_DATABASE = "42P04";

    private static final String UNIQUE_VIOLATION = "23505";

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final Path dataDir;
    private final Path logFile;
    /** What runs this server on our behalf and stops with it (a container), if anything. */
    private volatile AutoCloseable owner;

    private EmbeddedPostgres embedded;
    private OrphanGuard guard;
    private boolean logStarted;

    private PostgresServer(
            String host,
            int port,
            String username,
            String password,
            Path dataDir,
            Path logFile,
            Function<String, String> remote) {
        super("PostgreSQL", dataDir != null, remote);
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.dataDir = dataDir;
        this.logFile = logFile;
    }

    /**
     * Starts an embedded server.
     *
     * @param port    0 for a free port
     * @param dataDir kept as is when it already holds a cluster (the launcher's persistent state)
     * @param logFile server output; null to discard it
     */
    public static PostgresServer startEmbedded(int port, Path dataDir, Path logFile) {
        PostgresServer server = new PostgresServer(
                DevStackDefaults.HOST,
                Ports.orFree(port),
                DevStackDefaults.POSTGRES_USER,
                DevStackDefaults.POSTGRES_PASSWORD,
                Objects.requireNonNull(dataDir, "dataDir"),
                logFile,
                null);
        server.start();
        return server;
    }

    /** An external server: nothing is started; {@link #ensureDatabase} creates databases there. */
    public static PostgresServer external(String host, int port, String username, String password) {
        return new PostgresServer(host, port, username, password, null, null, null);
    }

    /** The same server, closing {@code owner} (e.g. the container it runs in) when the server is closed. */
    PostgresServer closing(AutoCloseable owner) {
        this.owner = owner;
        return this;
    }

    /** A server run by the JVM-wide stack in another class loader, controlled through it. */
    static PostgresServer remote(
            String host, int port, String username, String password, Function<String, String> control) {
        return new PostgresServer(host, port, username, password, null, null, control);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The form {@code quarkus.datasource.reactive.url} takes. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** A new JDBC connection to {@code database}; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "10");
        // The driver directly, not DriverManager: DriverManager filters drivers by the caller's
        // class loader, which breaks under Quarkus' test class loaders.
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl(database), properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver rejected " + jdbcUrl(database));
        }
        return connection;
    }

    /**
     * Creates {@code name} unless it exists. Idempotent and safe to call concurrently, from any
     * number of threads and JVMs: creation is serialised by an advisory lock, and a concurrent
     * creation that slips through anyway is recognised by its SQLSTATE.
     */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case database name: " + name);
        }
        try (Connection connection = connect("postgres")) {
            if (databaseExists(connection, name)) {
                return;
            }
            long lockKey = ("devstack.create-database." + name).hashCode();
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                lock.setLong(1, lockKey);
                lock.execute();
            }
            try (Statement statement = connection.createStatement()) {
                if (!databaseExists(connection, name)) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                    LOG.fine(() -> "created database " + name);
                }
            } catch (SQLException e) {
                if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, lockKey);
                    unlock.execute();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + host + ":" + port, e);
        }
    }

    public boolean databaseExists(String name) {
        try (Connection connection = connect("postgres")) {
            return databaseExists(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query databases on " + host + ":" + port, e);
        }
    }

    private static boolean databaseExists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    void startEmbedded() {
        if (embedded != null) {
            return;
        }
        long startedAt = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
            ProcessBuilder.Redirect output = ProcessBuilder.Redirect.DISCARD;
            if (logFile != null) {
                Files.createDirectories(logFile.getParent());
                // A fresh log per server object; restarts append to it.
                output = logStarted
                        ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                        : ProcessBuilder.Redirect.to(logFile.toFile());
                logStarted = true;
            }
            embedded = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir)
                    // Never let zonky delete data: the launcher's state persists, and temporary
                    // directories are removed by whoever created them.
                    .setCleanDataDirectory(false)
                    // DevStack stops the server itself, in order, from its own shutdown hook.
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(output)
                    .setErrorRedirector(output)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port + "; see " + logFile, e);
        }
        // pg_ctl detaches the postmaster, so it would survive a killed JVM without this guard.
        postmasterPid().ifPresent(pid -> guard = OrphanGuard.watch(pid, "INT"));
        LOG.info(() -> String.format(
                "PostgreSQL started on %s:%d in %d ms", host, port, (System.nanoTime() - startedAt) / 1_000_000));
    }

    @Override
    void stopEmbedded() {
        if (embedded == null) {
            return;
        }
        OptionalLong pid = postmasterPid();
        if (guard != null) {
            guard.close();
            guard = null;
        }
        try {
            embedded.close();
        } catch (IOException e) {
            LOG.warning("stopping PostgreSQL: " + e);
        } finally {
            embedded = null;
        }
        // pg_ctl gives up after 5 s; make sure nothing stays behind.
        pid.stream()
                .mapToObj(ProcessHandle::of)
                .flatMap(java.util.Optional::stream)
                .forEach(process -> ChildProcesses.stop(process, Duration.ofSeconds(15)));
        LOG.info(() -> "PostgreSQL on port " + port + " stopped");
    }

    @Override
    boolean runsEmbedded() {
        return embedded != null
                && postmasterPid().stream()
                        .anyMatch(pid -> ProcessHandle.of(pid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false));
    }

    /** Pid of the embedded postmaster, read from its pid file. */
    public OptionalLong postmasterPid() {
        if (dataDir == null) {
            return OptionalLong.empty();
        }
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            String first =
                    Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public void close() {
        super.close();
        AutoCloseable container = owner;
        if (container != null) {
            owner = null;
            try {
                container.close();
            } catch (Exception e) {
                LOG.log(java.util.logging.Level.WARNING, "could not stop the PostgreSQL container", e);
            }
        }
    }

    @Override
    String location() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        return "PostgreSQL " + host + ":" + port + (isEmbedded() ? " (embedded, " + dataDir + ")" : " (external)");
    }
}
