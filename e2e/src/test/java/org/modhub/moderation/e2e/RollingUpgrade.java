package org.modhub.moderation.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.modhub.moderation.devstack.launcher.RepoLayout;
import org.modhub.moderation.devstack.launcher.ServiceProcess;

/**
 * A rolling upgrade of reporting-service to the next version's test build ({@code e2e/next-version}: one additive
 * migration, one new event field), one replica at a time, as Kubernetes rolls a Deployment: for a while the old and
 * the new version serve side by side on one database and one Kafka. Midway an old replica is killed and comes back,
 * still old, on the schema the new version expanded: a rollback or a crash during a rollout meets exactly that.
 */
final class RollingUpgrade {

    static final String SERVICE = "reporting";
    /** The next version's migration (its Flyway version) and what it adds; see e2e/next-version/README.md. */
    static final String MIGRATION_VERSION = "20261231.0900";

    static final String NEW_COLUMN = "filed_by_version";
    static final String NEW_EVENT_FIELD = "producerVersion";

    private final Suite suite;
    private final Path nextJar;

    RollingUpgrade(Suite suite) {
        this.suite = suite;
        this.nextJar = nextJar();
        if (!Files.isRegularFile(nextJar)) {
            throw new IllegalStateException("the next version is not built: " + nextJar
                    + "; bin/e2e --full builds it (./mvnw -Pnext-version -pl e2e/next-version -am package)");
        }
    }

    static Path nextJar() {
        return RepoLayout.locate().root().resolve("e2e/next-version/target/quarkus-app/quarkus-run.jar");
    }

    /** Replaces every replica in turn; returns when the last one answers ready. */
    void run() {
        List<ServiceProcess> replicas = suite.replicas(SERVICE);
        for (int i = 0; i < replicas.size(); i++) {
            suite.replace(replicas.get(i), nextJar);
            if (i == 0 && replicas.size() > 1) {
                ServiceProcess old = replicas.get(1);
                Suite.killAndRestart(old);
                suite.awaitReady(old);
            }
        }
    }

    /** What the upgrade left behind, read from the public databases of the run. */
    record Outcome(boolean migrated, long rowsWithNewColumn, long eventsWithNewField) {

        boolean visible() {
            return migrated && rowsWithNewColumn > 0 && eventsWithNewField > 0;
        }
    }

    static Outcome outcome(Hub hub, String reporterPrefix) {
        boolean migrated = hub.count(
                        "reporting",
                        "SELECT count(*) FROM flyway_schema_history WHERE version = ? AND success",
                        MIGRATION_VERSION)
                == 1;
        long rows = migrated
                ? hub.count(
                        "reporting",
                        "SELECT count(*) FROM report WHERE " + NEW_COLUMN + " IS NOT NULL AND reporter_id LIKE ?",
                        reporterPrefix + "%")
                : 0;
        long events = hub.count(
                "reporting",
                "SELECT count(*) FROM kit_outbox WHERE payload LIKE ? AND payload LIKE ?",
                "%\"" + NEW_EVENT_FIELD + "\"%",
                "%" + reporterPrefix + "%");
        return new Outcome(migrated, rows, events);
    }
}
