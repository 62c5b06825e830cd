package org.modhub.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.matching.MatchingFixtures.as;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.matching.domain.Bank;
import org.modhub.moderation.matching.persistence.BankReader;

import io.quarkus.logging.Log;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The benchmark seed script fills the bank in the shape the service loads, and a new replica loads it. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "matching"))
class SeedScriptTest {

    static final int N = 200_000;

    @Inject
    DataSource db;

    @Inject
    BankReader reader;

    @Inject
    Clock clock;

    @Test
    void theSeedScriptsHashesAreLoadedAndFound() throws Exception {
        String script = Files.readString(Path.of("bench/seed-bank.sql"));
        List<String> statements = Arrays.stream(script.replaceAll("(?m)^--.*$|^\\\\.*$", "")
                        .replace(":n", String.valueOf(N))
                        .split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty() && !s.equals("BEGIN") && !s.equals("COMMIT"))
                .toList();
        UUID importId;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (int i = 0; i < statements.size() - 1; i++) {
                    st.execute(statements.get(i));
                }
                try (ResultSet rs = st.executeQuery(statements.get(statements.size() - 1))) {
                    rs.next();
                    importId = rs.getObject("import_id", UUID.class);
                }
            }
            c.commit();
        }

        Bank replica = new Bank(reader, clock);
        long started = System.nanoTime();
        replica.refresh();
        Log.infof("Loaded %d entries in %d ms", replica.index().entries(), (System.nanoTime() - started) / 1_000_000);

        String fortyTwo = HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(java.nio.ByteBuffer.allocate(8).putLong(42).array()));
        assertThat(replica.activeSources(fortyTwo))
                .singleElement()
                .satisfies(s -> assertThat(s.listSource()).isEqualTo("bench-seed"));
        assertThat(replica.index().entries()).isGreaterThanOrEqualTo(N);
        as("legal-9", "legal").delete("/api/v1/bank/imports/" + importId).then().statusCode(200);
    }
}
