package org.modhub.moderation.devstack;

import java.util.Optional;
import java.util.function.Consumer;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL in a Testcontainers container, for machines where Docker works and a team prefers
 * the official image to the embedded binaries ({@code DEVSTACK_TESTCONTAINERS=true}). Where Docker
 * does not answer, the stack says so and starts the embedded PostgreSQL instead: the same tests
 * run either way.
 */
final class ContainerPostgres {

    /** The image; the same major version as the embedded binaries. */
    static final String IMAGE = "postgres:18-alpine";

    private ContainerPostgres() {}

    /** Whether a Docker engine answers here (Testcontainers' own check, without starting anything). */
    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Starts the container and wraps it as a server the stack closes; empty, after saying why, without Docker. */
    static Optional<PostgresServer> startIfDockerWorks(Consumer<String> log) {
        if (!dockerAvailable()) {
            log.accept(DevStackEnv.TESTCONTAINERS
                    + " is set but no Docker engine answers here; starting the embedded PostgreSQL");
            return Optional.empty();
        }
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                .withUsername(DevStackDefaults.POSTGRES_USER)
                .withPassword(DevStackDefaults.POSTGRES_PASSWORD)
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        container.start();
        log.accept("PostgreSQL started in a container (" + IMAGE + ") on " + container.getHost() + ":"
                + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT));
        return Optional.of(PostgresServer.external(
                        container.getHost(),
                        container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT),
                        DevStackDefaults.POSTGRES_USER,
                        DevStackDefaults.POSTGRES_PASSWORD)
                .closing(container));
    }
}
