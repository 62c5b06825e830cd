package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.GatlingRun.with;
import static org.modhub.moderation.bench.Log.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.devstack.launcher.RepoLayout;

/**
 * 7. The staff console (issue 24) on the bulk-loaded open cases: the Queue and Case pages, signed in as a moderator
 * through the identity stand-in, each beside the review-service request it is built on (the baseline, same run, same
 * rate); what each page weighs with its style sheets and scripts; and where the console's time went.
 */
final class ConsolePhase {

    /** Who the pages are read as; the baseline's bearer token names the same person and role. */
    private static final String USER = "bench-moderator";

    private static final String ROLE = "moderator";
    /** Every console page has it: an answer without it is not the page (a sign-in form, an error page). */
    private static final String PAGE_MARK = "<main id=\"main\">";

    private final Settings settings;
    private final Stack stack;
    private final OpenCases openCases;
    private final Path repo;
    private final Path work;
    private final Results r;

    ConsolePhase(Settings settings, Stack stack, OpenCases openCases, Path repo, Path work, Results r) {
        this.settings = settings;
        this.stack = stack;
        this.openCases = openCases;
        this.repo = repo;
        this.work = work;
        this.r = r;
    }

    void run() throws Exception {
        stack.phase("console");
        Path cases = openCases.load();
        log("Starting the staff console...");
        r.consoleStart = stack.startConsole();
        log("  console ready in %.0f ms", r.consoleStart.readyMillis());
        try {
            measure(cases);
        } finally {
            r.consolePeakRss = stack.peakRssMiB("console").getOrDefault(RepoLayout.CONSOLE, Double.NaN);
            // The later parts restart the services on other ports; the console would call the old ones.
            stack.stopService(RepoLayout.CONSOLE);
        }
    }

    private void measure(Path cases) throws Exception {
        String console = stack.url(RepoLayout.CONSOLE);
        String cookie = new ConsoleSignIn(console).signIn(USER, ROLE);
        String token = stack.dev().tokens().mint(USER, List.of(ROLE), Duration.ofHours(3));
        String caseId = Files.readAllLines(cases).get(1).trim();
        GatlingRun gatling = new GatlingRun(repo.resolve("bench"), work.resolve("gatling"));
        Map<String, String> api = QueueRequests.base(settings, stack.url("review"), cases, "bench.token", token);
        Map<String, String> pages =
                with(QueueRequests.base(settings, console, cases, "bench.cookie", cookie), "bench.expect", PAGE_MARK);

        r.queueWeight = PageWeight.measure(console, "/queue", cookie);
        log("  /queue weighs %,d bytes %s", r.queueWeight.total(), r.queueWeight);
        r.consoleQueueBaseline = gatling.run(
                "console-queue-baseline",
                QueueRequests.SIMULATION,
                with(api, "bench.path", "/api/v1/cases?state=OPEN&limit=50", "bench.request", "api queue"),
                "api queue");
        log("  baseline GET /api/v1/cases?state=OPEN&limit=50 %s", r.consoleQueueBaseline);
        Map<String, double[]> before = ServerTimers.snapshot(console);
        r.consoleQueue = gatling.run(
                "console-queue",
                QueueRequests.SIMULATION,
                with(pages, "bench.path", "/queue", "bench.request", "console queue"),
                "console queue");
        r.consoleQueueTimers = ServerTimers.between(before, ServerTimers.snapshot(console));
        log("  GET /queue %s; console's timers %s", r.consoleQueue, r.consoleQueueTimers);

        r.caseWeight = PageWeight.measure(console, "/cases/" + caseId, cookie);
        log("  /cases/{id} weighs %,d bytes %s", r.caseWeight.total(), r.caseWeight);
        r.consoleCaseBaseline = gatling.run(
                "console-case-baseline",
                QueueRequests.SIMULATION,
                with(api, "bench.path", "/api/v1/cases/#{id}", "bench.request", "api case"),
                "api case");
        log("  baseline GET /api/v1/cases/{id} %s", r.consoleCaseBaseline);
        before = ServerTimers.snapshot(console);
        r.consoleCase = gatling.run(
                "console-case",
                QueueRequests.SIMULATION,
                with(pages, "bench.path", "/cases/#{id}", "bench.request", "console case"),
                "console case");
        r.consoleCaseTimers = ServerTimers.between(before, ServerTimers.snapshot(console));
        log("  GET /cases/{id} %s; console's timers %s", r.consoleCase, r.consoleCaseTimers);
    }
}
