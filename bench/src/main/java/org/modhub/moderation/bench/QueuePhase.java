package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.GatlingRun.with;
import static org.modhub.moderation.bench.Log.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** 3. The queue at scale: bulk-loaded cases, then the moderators' queue page and case detail under Gatling's open model. */
final class QueuePhase {

    private final Settings settings;
    private final Stack stack;
    private final OpenCases openCases;
    private final Path repo;
    private final Path work;
    private final Results r;

    QueuePhase(Settings settings, Stack stack, OpenCases openCases, Path repo, Path work, Results r) {
        this.settings = settings;
        this.stack = stack;
        this.openCases = openCases;
        this.repo = repo;
        this.work = work;
        this.r = r;
    }

    void run() throws Exception {
        stack.phase("queue");
        Path cases = openCases.load();
        String staff = stack.dev().tokens().mint("bench-moderator", List.of("moderator"), Duration.ofHours(3));
        GatlingRun gatling = new GatlingRun(repo.resolve("bench"), work.resolve("gatling"));
        Map<String, String> measured = QueueRequests.base(settings, stack.url("review"), cases, "bench.token", staff);
        r.queuePage = gatling.run(
                "queue-page",
                QueueRequests.SIMULATION,
                with(measured, "bench.path", "/api/v1/cases", "bench.request", "queue page"),
                "queue page");
        log("  queue page %s", r.queuePage);
        r.caseDetail = gatling.run(
                "case-detail",
                QueueRequests.SIMULATION,
                with(measured, "bench.path", "/api/v1/cases/#{id}", "bench.request", "case detail"),
                "case detail");
        log("  case detail %s", r.caseDetail);
        databaseTime();
    }

    /**
     * The baselines (issue 27): the database's own time for the SQL review-service runs for each request (written
     * out from {@code CaseRepository.queue} and {@code CaseService.detail}), pgbench at the same rate and for as long,
     * one transaction per request (latency = every statement of it, as the service sends them one after another).
     */
    private void databaseTime() throws Exception {
        PgBench pgbench = new PgBench(stack.dev().postgres(), work.resolve("pgbench-review"), 4, "review");
        Path dir = Files.createDirectories(work.resolve("pgbench-review"));
        Path queue = dir.resolve("queue-page.sql");
        Files.writeString(
                queue,
                String.join(
                        "\n",
                        "-- GET /api/v1/cases: the page's ids in queue order (limit = page + 1), then their rows by id.",
                        "SELECT id FROM review_case WHERE state <> 'CLOSED' ORDER BY queue_key, due_at, id LIMIT 21;",
                        "SELECT * FROM review_case WHERE id IN (SELECT id FROM review_case WHERE state <> 'CLOSED' "
                                + "ORDER BY queue_key, due_at, id LIMIT 21);",
                        ""));
        String id = "md5('bulk-case-' || CAST(:g AS text))::uuid";
        Path detail = dir.resolve("case-detail.sql");
        Files.writeString(
                detail,
                String.join(
                        "\n",
                        "-- GET /api/v1/cases/{id} on a random bulk case: the case, then each list the page shows.",
                        "\\set g random(1, " + settings.queueCases() + ")",
                        "SELECT * FROM review_case WHERE id = " + id + ";",
                        "SELECT * FROM case_report WHERE case_id = " + id + " ORDER BY filed_at;",
                        "SELECT * FROM case_note WHERE case_id = " + id + " ORDER BY created_at;",
                        "SELECT id, at, actor, action, entity_type, entity_id, scope_id, subject_key, detail FROM "
                                + "kit_audit_log WHERE id > 0 AND scope_id = CAST(" + id + " AS text) ORDER BY id;",
                        "SELECT * FROM decision WHERE case_id = " + id + " ORDER BY created_at;",
                        "SELECT * FROM owner_request WHERE case_id = " + id + " ORDER BY requested_at;",
                        "SELECT * FROM restriction WHERE subject_key = (SELECT subject_key FROM review_case WHERE id = "
                                + id + ") AND lifted_at IS NULL ORDER BY imposed_at;",
                        "SELECT notice_id FROM case_strike WHERE case_id = " + id + " ORDER BY seq;",
                        "SELECT * FROM case_link WHERE case_id = " + id + " ORDER BY seq;",
                        ""));
        r.queuePageDb = pgbench.atRate(queue, settings.queueRate(), settings.queueSeconds());
        log("  baseline: the queue page's SQL %s", r.queuePageDb);
        r.caseDetailDb = pgbench.atRate(detail, settings.queueRate(), settings.queueSeconds());
        log("  baseline: the case detail's SQL %s", r.caseDetailDb);
    }
}
