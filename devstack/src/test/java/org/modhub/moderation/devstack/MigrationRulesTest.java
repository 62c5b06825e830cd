package org.modhub.moderation.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.modhub.moderation.devstack.MigrationRules.Migration;
import org.modhub.moderation.devstack.MigrationRules.Violation;
import org.modhub.moderation.devstack.launcher.RepoLayout;

/**
 * Expand, then contract (MIGRATIONS.md): released migrations stay as released, and an unreleased one holds no step
 * that breaks the release before it (still running during a rolling upgrade) unless marked as a contract step.
 */
class MigrationRulesTest {

    private static final Path ROOT = RepoLayout.locate().root();
    private static final String DEMO = "demo-service/src/main/resources/db/migration/";

    @Test
    void theRepositorysMigrationsKeepTheRules() {
        assertThat(MigrationRules.checkRepository(ROOT))
                .as("migrations against the rules (MIGRATIONS.md; bin/release-migrations lists released ones)")
                .isEmpty();
    }

    @Test
    void everyServicesMigrationsAreListed() {
        for (String module : List.of(
                "service-kit",
                "reporting-service",
                "review-service",
                "dmca-service",
                "appeals-service",
                "notification-service",
                "matching-service")) {
            assertThat(ROOT.resolve(module).resolve(MigrationRules.RELEASED_LIST))
                    .as("released list of %s", module)
                    .isRegularFile();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "DROP TABLE audit_log;",
                "drop table if exists audit_log cascade",
                "ALTER TABLE report DROP COLUMN evidence_urls;",
                "alter table report drop evidence_urls",
                "ALTER TABLE ONLY report DROP COLUMN IF EXISTS evidence_urls;",
                "ALTER TABLE report RENAME COLUMN evidence_links TO evidence_urls;",
                "ALTER TABLE report RENAME TO reports;",
                "ALTER TABLE report SET SCHEMA archive;",
                "ALTER TABLE mail_delivery ALTER COLUMN parameters TYPE jsonb USING parameters::jsonb;",
                "ALTER TABLE report ALTER reporter_id SET DATA TYPE bigint;",
                "ALTER TABLE dmca_notice ALTER COLUMN elements SET NOT NULL;",
                "ALTER TABLE appeal ALTER COLUMN evidence_urls DROP DEFAULT;",
                "ALTER TABLE report ADD COLUMN channel_kind TEXT NOT NULL;",
                "ALTER TABLE report ADD COLUMN external_id UUID PRIMARY KEY;",
                "ALTER TABLE decision DROP CONSTRAINT decision_unfounded_no_action;",
                "DROP INDEX report_idempotency;",
                "DROP INDEX CONCURRENTLY IF EXISTS report_idempotency;",
                "DROP FUNCTION report_scrub(TEXT, TEXT[], TEXT);",
                "DROP TRIGGER kit_audit_log_no_truncate ON kit_audit_log;",
                "DROP VIEW open_cases;",
                "ALTER INDEX report_filed RENAME TO report_filed_at;",
                "ALTER TYPE kind RENAME VALUE 'OLD' TO 'NEW';",
                "TRUNCATE report;",
                "ALTER TABLE report\n    -- why\n    ADD COLUMN a TEXT, /* b goes */ DROP COLUMN b;",
                "ALTER TABLE report ADD COLUMN amount NUMERIC(10, 2), DROP COLUMN legacy_amount;",
                "ALTER TABLE \"report\" DROP COLUMN \"evidence_urls\";",
            })
    void aContractStepIsReported(String sql) {
        List<Violation> violations = MigrationRules.check(sql);
        assertThat(violations).as(sql).hasSize(1);
        assertThat(violations.getFirst().message()).contains("a contract step");
    }

    @Test
    void eachContractStepOfAStatementIsNamed() {
        assertThat(MigrationRules.check("""
                        ALTER TABLE dmca_notice
                            ALTER COLUMN elements SET NOT NULL,
                            DROP COLUMN works,
                            ALTER COLUMN subject_keys DROP DEFAULT,
                            ALTER COLUMN subject_keys TYPE TEXT[] USING dmca_json_texts(subject_keys),
                            ALTER COLUMN subject_keys SET DEFAULT '{}';
                        """).stream()
                        .map(v -> v.line() + " "
                                + v.message().substring(0, v.message().indexOf(':')))
                        .toList())
                .containsExactly(
                        "1 makes dmca_notice.elements NOT NULL",
                        "1 drops column dmca_notice.works",
                        "1 drops the default of dmca_notice.subject_keys",
                        "1 changes the type of dmca_notice.subject_keys");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ALTER TABLE report ADD COLUMN anonymised_at TIMESTAMPTZ;",
                "ALTER TABLE report ADD COLUMN location_requests INTEGER NOT NULL DEFAULT 0;",
                "ALTER TABLE report ADD COLUMN kind TEXT NOT NULL DEFAULT 'x';",
                "ALTER TABLE report ADD COLUMN seq BIGSERIAL NOT NULL;",
                "ALTER TABLE report ADD COLUMN amount NUMERIC(10, 2) DEFAULT 0, ADD COLUMN note TEXT;",
                "ALTER TABLE notifier_standing ADD COLUMN muted_until TIMESTAMPTZ, ADD COLUMN mute_reason TEXT;",
                "CREATE TABLE case_link (seq BIGSERIAL NOT NULL, link_key TEXT PRIMARY KEY, at TIMESTAMPTZ NOT NULL);",
                "CREATE INDEX report_filed ON report (filed_at DESC, id DESC);",
                "CREATE INDEX CONCURRENTLY report_filed ON report (filed_at);",
                "CREATE UNIQUE INDEX decision_dispute ON decision (dispute_id) WHERE dispute_id IS NOT NULL;",
                "ALTER TABLE owner_request ALTER COLUMN owner_email DROP NOT NULL;",
                "ALTER TABLE appeal ALTER COLUMN evidence_urls SET DEFAULT '{}';",
                "ALTER TYPE kind ADD VALUE 'NEW';",
                "UPDATE report SET kind = 'drop table x; alter table report drop column y' WHERE kind IS NULL;",
                "UPDATE report SET note = E'it\\'s; DROP TABLE report' WHERE note IS NULL;",
                "-- DROP TABLE report;\nCREATE TABLE x (id int);",
                "/* ALTER TABLE report DROP COLUMN a; /* nested */ still a comment; */ SELECT 1;",
                "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE x; END $$;",
                "DO $body$ BEGIN EXECUTE 'ALTER TABLE report DROP COLUMN a'; END $body$;",
                "CREATE TABLE scratch (id int, b text);\nALTER TABLE scratch DROP COLUMN b;\nDROP TABLE scratch;",
                "CREATE FUNCTION pg_temp.texts(j text) RETURNS text[] LANGUAGE sql AS $$ SELECT '{}' $$;\n"
                        + "DROP FUNCTION pg_temp.texts(text);",
                "CREATE UNIQUE INDEX appeal_open ON appeal (decision_id);\nDROP INDEX appeal_open;",
                "INSERT INTO bank_revision (id, rev) VALUES (1, 0);",
            })
    void anExpandStepPasses(String sql) {
        assertThat(MigrationRules.check(sql)).as(sql).isEmpty();
    }

    @Test
    void aMarkedContractStepPasses() {
        String sql = """
                ALTER TABLE report ADD COLUMN note TEXT;

                -- contract: drops report.evidence_urls, unused since V20261206_1200__evidence_urls_array.sql
                ALTER TABLE report DROP COLUMN evidence_urls;
                ALTER TABLE report
                    -- contract: drops report.legacy, unused since V20261125_1100__reports.sql
                    DROP COLUMN legacy;
                """;
        assertThat(MigrationRules.check(
                        List.of(new Migration("V3__contract.sql", sql)),
                        Set.of("V20261125_1100__reports.sql", "V20261206_1200__evidence_urls_array.sql")))
                .isEmpty();
    }

    @Test
    void aMarkerMustNameAReleasedMigration() {
        String sql = """
                -- contract: drops report.evidence_urls, unused since V20270101_0000__not_yet.sql
                ALTER TABLE report DROP COLUMN evidence_urls;
                -- contract: drops report.legacy, no longer read
                ALTER TABLE report DROP COLUMN legacy;
                """;
        assertThat(
                        MigrationRules.check(
                                        List.of(new Migration("V3__contract.sql", sql)),
                                        Set.of("V20261125_1100__reports.sql"))
                                .stream()
                                .map(Violation::toString))
                .satisfiesExactly(
                        first -> assertThat(first)
                                .startsWith("V3__contract.sql:1: ")
                                .contains("V20270101_0000__not_yet.sql, which is not a released migration"),
                        second -> assertThat(second)
                                .startsWith("V3__contract.sql:3: ")
                                .contains("names no released migration"));
    }

    @Test
    void aMarkerMustSitAboveTheStepItExcuses() {
        // After the semicolon, the marker belongs to the next statement: the drop is unmarked, the marker stray.
        String sql = """
                ALTER TABLE report DROP COLUMN legacy; -- contract: drops report.legacy, unused since V1__base.sql
                ALTER TABLE report ADD COLUMN note TEXT;
                """;
        assertThat(MigrationRules.check(List.of(new Migration("V2__x.sql", sql)), Set.of("V1__base.sql")).stream()
                        .map(Violation::message))
                .satisfiesExactly(
                        first -> assertThat(first).startsWith("drops column report.legacy: a contract step"),
                        second -> assertThat(second).contains("excuses no contract step"));
    }

    @Test
    void statementsKnowTheLineTheyStartOn() {
        String sql = "-- a comment\nCREATE TABLE a (\n  t TEXT DEFAULT 'x;\ny'\n);\n\n/* c\n*/ DROP TABLE b;\n";
        assertThat(MigrationRules.statements(sql).stream().map(s -> s.line() + ": " + s.text()))
                .containsExactly("2: CREATE TABLE a ( t TEXT DEFAULT '' )", "8: DROP TABLE b");
    }

    @Test
    void aChangedOrDeletedReleasedMigrationIsReported(@TempDir Path repo) throws IOException {
        Path reports = migration(repo, "demo-service", "V20270101_1000__reports.sql", "CREATE TABLE report (id int);");
        Path notes = migration(repo, "demo-service", "V20270101_1100__notes.sql", "ALTER TABLE report ADD note TEXT;");
        release(repo, "demo-service", reports, notes);
        assertThat(MigrationRules.checkRepository(repo)).isEmpty();

        Files.writeString(reports, "CREATE TABLE report (id bigint);");
        Files.delete(notes);
        assertThat(MigrationRules.checkRepository(repo))
                .satisfiesExactly(
                        first -> assertThat(first)
                                .startsWith(DEMO + "V20270101_1000__reports.sql changed after its release"),
                        second -> assertThat(second)
                                .startsWith(DEMO + "V20270101_1100__notes.sql is released")
                                .contains("but gone"));
    }

    @Test
    void anUnreleasedMigrationIsCheckedAndAReleasedOneIsNot(@TempDir Path repo) throws IOException {
        Path reports = migration(
                repo,
                "demo-service",
                "V20270101_1000__reports.sql",
                "CREATE TABLE report (id int, legacy text);\nALTER TABLE report ALTER COLUMN id TYPE bigint;");
        release(repo, "demo-service", reports);
        migration(repo, "demo-service", "V20270102_1000__drop.sql", "\nALTER TABLE report DROP COLUMN legacy;");
        migration(
                repo,
                "demo-service",
                "V20270102_1100__marked.sql",
                "-- contract: drops report.id, unused since V20270101_1000__reports.sql\n"
                        + "ALTER TABLE report DROP COLUMN id;");
        assertThat(MigrationRules.checkRepository(repo))
                .satisfiesExactly(only -> assertThat(only)
                        .startsWith(DEMO + "V20270102_1000__drop.sql:2: drops column report.legacy: a contract step"));
    }

    @Test
    void aNewMigrationMustSortAfterEveryReleasedOneOfItsDatabase(@TempDir Path repo) throws IOException {
        Path kit = migration(repo, "service-kit", "kit", "V20270101_0900__kit.sql", "CREATE TABLE kit_a (id int);");
        Path demo = migration(repo, "demo-service", "V20270105_1000__demo.sql", "CREATE TABLE demo (id int);");
        release(repo, "service-kit", kit);
        release(repo, "demo-service", demo);
        // Newer than the kit's released ones, older than the service's: its database would refuse it.
        migration(repo, "service-kit", "kit", "V20270102_0900__kit_b.sql", "CREATE TABLE kit_b (id int);");
        migration(repo, "demo-service", "V20270105_1000__twin.sql", "CREATE TABLE twin (id int);");
        assertThat(MigrationRules.checkRepository(repo))
                .satisfiesExactlyInAnyOrder(
                        late -> assertThat(late)
                                .startsWith("service-kit/src/main/resources/db/kit/V20270102_0900__kit_b.sql sorts"
                                        + " before the released"
                                        + " " + DEMO + "V20270105_1000__demo.sql"),
                        twin -> assertThat(twin).contains("V20270105_1000__twin.sql has the version of"));
    }

    /** Before the rule, contract steps shipped as they came: the scan finds them, and being released excuses them. */
    @Test
    void theRulesFindTheHistoricContractStepsAmongReleasedMigrations() throws IOException {
        Set<String> flagged = new TreeSet<>();
        for (MigrationRules.Module module : MigrationRules.modules(ROOT)) {
            Set<String> earlier = new HashSet<>();
            for (Path file : module.migrations()) {
                String name = file.getFileName().toString();
                if (!MigrationRules.check(List.of(new Migration(name, Files.readString(file))), earlier)
                        .isEmpty()) {
                    flagged.add(module.name() + "/" + name);
                }
                earlier.add(name);
            }
        }
        assertThat(flagged)
                .containsExactly(
                        "appeals-service/V20261206_1200__array_columns.sql",
                        "dmca-service/V20261206_1200__dmca_json_columns.sql",
                        "notification-service/V20261206_1210__delivery_parameters_jsonb.sql",
                        "reporting-service/V20261206_1200__evidence_urls_array.sql",
                        "review-service/V20261206_1200__arrays_and_jsonb.sql",
                        "review-service/V20261206_1310__audit_onto_kit.sql");
    }

    @Test
    void theReleaseScriptWritesWhatTheTestReads(@TempDir Path repo) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash");
        Files.createDirectories(repo.resolve("bin"));
        Files.copy(ROOT.resolve("bin/release-migrations"), repo.resolve("bin/release-migrations"));
        repo.resolve("bin/release-migrations").toFile().setExecutable(true);
        Path reports = migration(repo, "demo-service", "V20270101_1000__reports.sql", "CREATE TABLE report (id int);");
        assertThat(releaseScript(repo)).isZero();
        Path notes = migration(repo, "demo-service", "V20270101_1100__notes.sql", "ALTER TABLE report DROP COLUMN id;");
        assertThat(MigrationRules.checkRepository(repo)).hasSize(1); // pending, and a contract step
        assertThat(releaseScript(repo)).isZero();
        assertThat(MigrationRules.checkRepository(repo)).isEmpty(); // released: frozen, no longer checked
        assertThat(Files.readAllLines(repo.resolve("demo-service").resolve(MigrationRules.RELEASED_LIST)))
                .containsExactly(
                        MigrationRules.sha256(reports)
                                + "  src/main/resources/db/migration/V20270101_1000__reports.sql",
                        MigrationRules.sha256(notes) + "  src/main/resources/db/migration/V20270101_1100__notes.sql");

        Files.writeString(notes, "-- changed");
        assertThat(releaseScript(repo))
                .as("refuses a changed released migration")
                .isNotZero();
    }

    private static int releaseScript(Path repo) throws Exception {
        Process process = new ProcessBuilder(
                        "bash", repo.resolve("bin/release-migrations").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue();
    }

    private static Path migration(Path repo, String module, String name, String sql) throws IOException {
        return migration(repo, module, "migration", name, sql);
    }

    private static Path migration(Path repo, String module, String dir, String name, String sql) throws IOException {
        Path file = repo.resolve(module)
                .resolve(MigrationRules.MIGRATIONS)
                .resolve(dir)
                .resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, sql);
    }

    /** What bin/release-migrations appends, written here so these tests need no shell. */
    private static void release(Path repo, String module, Path... migrations) throws IOException {
        Path moduleDir = repo.resolve(module);
        List<String> lines = new ArrayList<>();
        for (Path migration : migrations) {
            lines.add(MigrationRules.sha256(migration) + "  "
                    + moduleDir.relativize(migration).toString().replace('\\', '/'));
        }
        Files.write(
                moduleDir.resolve(MigrationRules.RELEASED_LIST),
                lines,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
