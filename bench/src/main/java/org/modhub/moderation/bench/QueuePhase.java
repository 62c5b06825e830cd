package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.GatlingRun.with;
import static org.modhub.moderation.bench.Log.log;

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
    }
}
