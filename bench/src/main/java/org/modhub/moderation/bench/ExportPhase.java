package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.Log.log;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 4. Transparency export: bulk-loaded enforced decisions, read to the end, with the CPU each part used. */
final class ExportPhase {

    private final Settings settings;
    private final Stack stack;
    private final Results r;

    ExportPhase(Settings settings, Stack stack, Results r) {
        this.settings = settings;
        this.stack = stack;
        this.r = r;
    }

    void run() throws Exception {
        stack.phase("export");
        log("Bulk-loading %,d enforced decisions...", settings.exportDecisions());
        long t0 = System.nanoTime();
        try (Connection db = stack.db("review")) {
            Bulk.decisions(db, settings.exportDecisions());
            Bulk.analyze(db);
        }
        log("  loaded in %.0f s", (System.nanoTime() - t0) / 1e9);
        Map<String, Long> cpuBefore = stack.cpuTicksByPart();
        r.export = Export.run(stack);
        stack.cpuTicksByPart()
                .forEach((part, ticks) -> r.exportCpu.put(
                        part, (ticks - cpuBefore.getOrDefault(part, 0L)) / 100.0)); // clock ticks are 1/100 s
        log("  export %s; CPU seconds by part %s", r.export, r.exportCpu);
        databaseRead();
    }

    /**
     * The export's baseline (issue 27): PostgreSQL's own read of the same rows, the stored statement of each enforced
     * decision in the period in the export's order ({@code StatementExport}'s query, its one column that a stored
     * statement needs), {@code COPY (…) TO STDOUT} through {@code psql} ({@code \copy … to '/dev/null'}) into the void;
     * psql's own {@code \timing} of the copy (without psql's start), its {@code COPY n} the rows.
     */
    private void databaseRead() throws Exception {
        String copy =
                "\\copy (SELECT s.statement FROM decision d LEFT JOIN statement_submission s ON s.decision_id = d.id "
                        + "WHERE d.status = 'ENFORCED' AND d.kind = 'DECISION' AND d.statement IS NOT NULL AND d.decided_at >= '"
                        + Bulk.DECISIONS_FROM + "' AND d.decided_at < '" + Bulk.DECISIONS_TO
                        + "' ORDER BY d.decided_at, d.id) to '/dev/null'";
        var postgres = stack.dev().postgres();
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-v", "ON_ERROR_STOP=1"));
        command.addAll(PgBench.connection(postgres));
        command.addAll(List.of("-d", "review", "-c", "\\timing on", "-c", copy));
        ProcessBuilder psql = new ProcessBuilder(command).redirectErrorStream(true);
        psql.environment().put("PGPASSWORD", postgres.password());
        Process process = psql.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql \\copy failed: " + output);
        }
        Matcher rows = Pattern.compile("COPY ([0-9]+)").matcher(output);
        Matcher time = Pattern.compile("Time: ([0-9.]+) ms").matcher(output);
        if (!rows.find() || !time.find()) {
            throw new IllegalStateException("psql printed no COPY count or time: " + output);
        }
        r.exportDbRows = Long.parseLong(rows.group(1));
        r.exportDbSeconds = Double.parseDouble(time.group(1)) / 1000;
        log(
                "  baseline: PostgreSQL COPY of %,d statements in %.2f s = %,.0f /s",
                r.exportDbRows, r.exportDbSeconds, r.exportDbRows / r.exportDbSeconds);
    }
}
