package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The Testcontainers option: a real container where Docker works, a clean fallback where not. */
class ContainerPostgresTest {

    static boolean dockerAvailable() {
        return ContainerPostgres.dockerAvailable();
    }

    static boolean dockerMissing() {
        return !dockerAvailable();
    }

    @Test
    @EnabledIf("dockerMissing")
    void withoutDockerItSaysSoAndStartsNothing() {
        List<String> lines = new ArrayList<>();
        Optional<PostgresServer> server = ContainerPostgres.startIfDockerWorks(lines::add);
        assertThat(server).isEmpty();
        assertThat(lines)
                .singleElement()
                .asString()
                .contains(DevStackEnv.TESTCONTAINERS)
                .contains("embedded");
    }

    @Test
    @EnabledIf("dockerAvailable")
    void withDockerTheContainerServesTheServicesDatabases() throws Exception {
        try (PostgresServer server =
                ContainerPostgres.startIfDockerWorks(line -> {}).orElseThrow()) {
            server.ensureDatabase("reporting");
            try (Connection c = DriverManager.getConnection(
                            server.jdbcUrl("reporting"), server.username(), server.password());
                    ResultSet rs = c.createStatement().executeQuery("SELECT current_database()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("reporting");
            }
        }
    }
}
