package org.modhub.moderation.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.modhub.moderation.devstack.PostgresServer;

/**
 * pgbench on the suite's own PostgreSQL, running the reporting-service's filing transaction
 * (what {@code ReportService.file} sends for an in-platform report: lock-or-create the notifier's
 * standing, the merge-window and rate-limit reads, the report row, its outbox row, the standing
 * update) against a copy of the reporting schema made from the service's own Flyway scripts, so
 * the service's data and outbox are left alone.
 */
final class PgBench {

    static final String DATABASE = "pgbench_reporting";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern PROCESSED = Pattern.compile("number of transactions actually processed: ([0-9]+)");

    /** One saturation run: transactions per second and transactions done. */
    record Run(double tps, long transactions) {}

    private final PostgresServer postgres;
    private final Path workDir;
    private final int clients;
    private final String database;

    PgBench(PostgresServer postgres, Path workDir, int clients) {
        this(postgres, workDir, clients, DATABASE);
    }

    /** pgbench against another database (a service's own, for the database's time of a service's queries). */
    PgBench(PostgresServer postgres, Path workDir, int clients, String database) {
        this.postgres = postgres;
        this.workDir = workDir;
        this.clients = clients;
        this.database = database;
    }

    /** Creates the database with the reporting schema: the kit's and the service's migrations in version order. */
    void prepare(Path repo) throws IOException, SQLException {
        postgres.ensureDatabase(DATABASE);
        List<Path> scripts = new ArrayList<>();
        try (Stream<Path> kit = Files.list(repo.resolve("service-kit/src/main/resources/db/kit"));
                Stream<Path> own = Files.list(repo.resolve("reporting-service/src/main/resources/db/migration"))) {
            kit.filter(p -> p.toString().endsWith(".sql")).forEach(scripts::add);
            own.filter(p -> p.toString().endsWith(".sql")).forEach(scripts::add);
        }
        scripts.sort(Comparator.comparing(p -> p.getFileName().toString()));
        try (Connection db = postgres.connect(DATABASE);
                Statement sql = db.createStatement()) {
            sql.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            for (Path script : scripts) {
                sql.execute(Files.readString(script));
            }
        }
    }

    /** Writes the transaction script; {@code outboxPayload} is a real ReportFiled CloudEvent the service wrote. */
    Path script(String outboxPayload, int notifiers) throws IOException {
        String explanation =
                "The model card is an advertisement for a casino, repeated in every discussion of the model.";
        String n = "CAST(:n AS text)";
        String notifier = "E'user\\x3abench-' || " + n;
        String subject = "E'model\\x3abench/m-' || CAST(:s AS text)";
        String script = String.join(
                "\n",
                "-- The reporting-service's filing transaction (ReportService.file), as pgbench runs it.",
                "\\set n random(1, " + notifiers + ")",
                "\\set s random(1, 2000000000)",
                "BEGIN;",
                "INSERT INTO notifier_standing (notifier_key, notifier_id, notifier_email, updated_at) VALUES ("
                        + notifier
                        + ", 'bench-' || " + n
                        + ", NULL, now()) ON CONFLICT (notifier_key) DO UPDATE SET notifier_id = "
                        + "COALESCE(notifier_standing.notifier_id, EXCLUDED.notifier_id), notifier_email = "
                        + "COALESCE(EXCLUDED.notifier_email, notifier_standing.notifier_email) RETURNING *;",
                "SELECT * FROM report WHERE notifier_key = " + notifier + " AND subject_key = " + subject
                        + " AND filed_at >= now() - interval '24 hours' AND status <> 'DECIDED' ORDER BY filed_at DESC LIMIT 1;",
                "SELECT count(*) FROM report WHERE notifier_key = " + notifier
                        + " AND filed_at >= now() - interval '1 hour';",
                "INSERT INTO report (id, subject_key, subject_kind, hub_url, category, subcategory, explanation, evidence_urls, "
                        + "jurisdiction, alleges_illegal, good_faith_statement, contact_email, reporter_id, reporter_name, "
                        + "show_reporter_publicly, notifier_key, channel, source_type, automated_detection, trusted_flagger, "
                        + "visibility, status, merged_count, idempotency_key, request_hash, mail_message_id, original_text, "
                        + "decision_id, outcome, manifestly_unfounded, decided_at, filed_at, updated_at, location_requests) VALUES ("
                        + "gen_random_uuid(), " + subject
                        + ", 'model', E'https\\x3a//huggingface.co/bench/m-' || CAST(:s AS text), "
                        + "'PLATFORM_ABUSE', 'SPAM', '" + explanation
                        + "', ARRAY[E'https\\x3a//example.org/screenshot.png'], 'DE', "
                        + "false, false, NULL, 'bench-' || " + n + ", NULL, false, " + notifier + ", 'IN_PLATFORM', "
                        + "'SOURCE_ARTICLE_16', false, false, 'PUBLIC', 'RECEIVED', 0, NULL, NULL, NULL, NULL, NULL, NULL, false, "
                        + "NULL, now(), now(), 0);",
                "INSERT INTO kit_outbox (event_id, topic, message_key, payload) VALUES (CAST(gen_random_uuid() AS text), "
                        + "'reporting.events', " + subject + ", " + literal(outboxPayload) + ");",
                "UPDATE notifier_standing SET reports_filed = reports_filed + 1, updated_at = now() WHERE notifier_key = "
                        + notifier + ";",
                "END;",
                "");
        Path file = workDir.resolve("reporting-filing.sql");
        Files.createDirectories(workDir);
        Files.writeString(file, script);
        return file;
    }

    /** One saturation run: transactions per second, and how many. */
    Run ceiling(Path script, int seconds) {
        String output =
                run(List.of("-c", Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds)), script, null);
        Matcher m = TPS.matcher(output);
        Matcher n = PROCESSED.matcher(output);
        if (!m.find() || !n.find()) {
            throw new IllegalStateException("pgbench printed no tps:\n" + output);
        }
        return new Run(Double.parseDouble(m.group(1)), Long.parseLong(n.group(1)));
    }

    /** A run at a fixed rate: each transaction's latency in ms (pgbench's per-transaction log). */
    Percentiles atRate(Path script, double rate, int seconds) throws IOException {
        Path logDir = workDir.resolve("rate-log");
        if (Files.isDirectory(logDir)) {
            try (Stream<Path> old = Files.list(logDir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(logDir);
        run(
                List.of(
                        "-c",
                        Integer.toString(clients),
                        "-j",
                        "2",
                        "-T",
                        Integer.toString(seconds),
                        "-R",
                        Long.toString(Math.round(rate)),
                        "-l",
                        "--log-prefix=" + logDir.resolve("tx")),
                script,
                logDir);
        List<Double> latencies = new ArrayList<>();
        try (Stream<Path> logs = Files.list(logDir)) {
            for (Path log : logs.toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length >= 6) {
                        latencies.add(Long.parseLong(f[2]) / 1000.0);
                    }
                }
            }
        }
        return Percentiles.of(latencies);
    }

    /** The options that point PostgreSQL's command-line tools (pgbench, psql) at the bench's server. */
    static List<String> connection(PostgresServer postgres) {
        return List.of("-h", postgres.host(), "-p", Integer.toString(postgres.port()), "-U", postgres.username());
    }

    private String run(List<String> options, Path script, Path workingDir) {
        List<String> command = new ArrayList<>(List.of("pgbench"));
        command.addAll(connection(postgres));
        command.addAll(List.of("-n", "-M", "prepared"));
        command.addAll(options);
        command.addAll(List.of("-f", script.toString(), database));
        try {
            Path out = Files.createTempFile(workDir, "pgbench", ".out");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().put("PGPASSWORD", postgres.password());
            if (workingDir != null) {
                builder.directory(workingDir.toFile());
            }
            int exit = builder.start().waitFor();
            String output = Files.readString(out);
            Files.delete(out);
            if (exit != 0) {
                throw new IllegalStateException("pgbench exited with " + exit + ":\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An E'' literal without a single colon (pgbench would take ":name" for a variable). */
    static String literal(String text) {
        return "E'"
                + text.replace("\\", "\\\\")
                        .replace("'", "\\'")
                        .replace(":", "\\x3a")
                        .replace("\n", "\\n") + "'";
    }
}
