package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.GatlingRun.with;
import static org.modhub.moderation.bench.Log.log;
import static org.modhub.moderation.bench.Queries.count;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** 3. The queue at scale: bulk-loaded cases, then the moderators' queue page and case detail under Gatling's open model. */
final class QueuePhase {

    private static final String SIMULATION = "org.modhub.moderation.bench.gatling.QueueSimulation";

    private final Settings settings;
    private final Stack stack;
    private final Backlog backlog;
    private final Path repo;
    private final Path work;
    private final Results r;

    QueuePhase(Settings settings, Stack stack, Backlog backlog, Path repo, Path work, Results r) {
        this.settings = settings;
        this.stack = stack;
        this.backlog = backlog;
        this.repo = repo;
        this.work = work;
        this.r = r;
    }

    void run() throws Exception {
        stack.phase("queue");
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
        String staff = stack.dev().tokens().mint("bench-moderator", List.of("moderator"), Duration.ofHours(3));
        GatlingRun gatling = new GatlingRun(repo.resolve("bench"), work.resolve("gatling"));
        Map<String, String> base = Map.of(
                "bench.baseUrl",
                stack.url("review"),
                "bench.token",
                staff,
                "bench.cases",
                cases.toString(),
                "bench.rate",
                Double.toString(settings.queueRate()),
                "bench.seconds",
                Integer.toString(settings.queueSeconds()));
        // Each run warms up first in the same Gatling JVM (JIT on both sides, connection pools, the
        // indexes' pages in the cache); only the requests after it count.
        Map<String, String> measured =
                with(base, "bench.warmup.seconds", Integer.toString(settings.queueWarmupSeconds()));
        r.queuePage = gatling.run("queue-page", SIMULATION, with(measured, "bench.target", "page"), "queue page");
        log("  queue page %s", r.queuePage);
        r.caseDetail = gatling.run("case-detail", SIMULATION, with(measured, "bench.target", "detail"), "case detail");
        log("  case detail %s", r.caseDetail);
    }
}
