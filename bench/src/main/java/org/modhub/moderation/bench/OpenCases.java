package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.Log.log;
import static org.modhub.moderation.bench.Queries.count;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * The bulk-loaded open cases the queue and the console are measured on: loaded once per run, by whichever of the
 * two parts runs first, with a file of case ids for Gatling's feeder.
 */
final class OpenCases {

    private final Settings settings;
    private final Stack stack;
    private final Backlog backlog;
    private final Path work;
    private final Results r;
    private Path ids;

    OpenCases(Settings settings, Stack stack, Backlog backlog, Path work, Results r) {
        this.settings = settings;
        this.stack = stack;
        this.backlog = backlog;
        this.work = work;
        this.r = r;
    }

    /** Loads the cases unless this run already did; returns the CSV of ids (column {@code id}) of some of them. */
    Path load() throws Exception {
        if (ids != null) {
            return ids;
        }
        log("Bulk-loading %,d reports in %,d open cases...", settings.queueReports(), settings.queueCases());
        long t0 = System.nanoTime();
        long before = count(stack, "review", "SELECT count(*) FROM case_report");
        try (Connection db = stack.db("review")) {
            Bulk.queue(db, settings.queueCases(), settings.queueReports());
            Bulk.analyze(db);
        }
        backlog.addBulkCaseReports(count(stack, "review", "SELECT count(*) FROM case_report") - before);
        r.queueLoadSeconds = (System.nanoTime() - t0) / 1e9;
        r.openCases = count(stack, "review", "SELECT count(*) FROM review_case WHERE state <> 'CLOSED'");
        r.caseReports = count(stack, "review", "SELECT count(*) FROM case_report");
        log(
                "  loaded in %.0f s; %,d open cases, %,d reports in review",
                r.queueLoadSeconds, r.openCases, r.caseReports);
        Path cases = work.resolve("cases.csv");
        Files.writeString(cases, "id\n" + String.join("\n", Bulk.someCaseIds(settings.queueCases(), 5000)) + "\n");
        ids = cases;
        return ids;
    }
}
