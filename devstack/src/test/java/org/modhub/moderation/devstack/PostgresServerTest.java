package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    private final PostgresServer postgres = DevStack.shared().postgres();

    @Test
    void ensureDatabaseIsIdempotentUnderConcurrentCallers() throws Exception {
        String name = "concurrent_" + Long.toHexString(System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit((Callable<Void>) () -> {
                    postgres.ensureDatabase(name);
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        } finally {
            pool.shutdownNow();
        }
        postgres.ensureDatabase(name);

        assertThat(postgres.databaseExists(name)).isTrue();
    }

    @Test
    void rejectsNamesThatAreNotPlainIdentifiers() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> postgres.ensureDatabase("x\"; DROP DATABASE review; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dataSurviveAStopAndStartOnTheSamePort() throws Exception {
        assumeTrue(postgres.isControllable(), "PostgreSQL is external here");
        postgres.ensureDatabase("restart_probe");
        try (Connection connection = postgres.connect("restart_probe");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS kept (note text)");
            statement.execute("INSERT INTO kept VALUES ('before restart')");
        }
        int port = postgres.port();

        postgres.stop();
        assertThat(postgres.isRunning()).isFalse();
        postgres.start();

        assertThat(postgres.port()).isEqualTo(port);
        try (Connection connection = postgres.connect("restart_probe");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT note FROM kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("before restart");
        }
    }
}
