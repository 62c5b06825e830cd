package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.GatlingRun.with;
import static org.modhub.moderation.bench.Log.log;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * 1. Intake against the database's ceiling: C from pgbench running the filing transaction, T from
 * Gatling's closed model on {@code POST /api/v1/reports}, then open-model rates beside pgbench.
 */
final class IntakePhase {

    private static final String SIMULATION = "org.modhub.moderation.bench.gatling.IntakeSimulation";

    private final Settings settings;
    private final Stack stack;
    private final Backlog backlog;
    private final Path repo;
    private final Path work;
    private final Path resultsDir;
    private final Results r;

    IntakePhase(Settings settings, Stack stack, Backlog backlog, Path repo, Path work, Path resultsDir, Results r) {
        this.settings = settings;
        this.stack = stack;
        this.backlog = backlog;
        this.repo = repo;
        this.work = work;
        this.resultsDir = resultsDir;
        this.r = r;
    }

    void run() throws Exception {
        stack.phase("intake");
        GatlingRun gatling = new GatlingRun(repo.resolve("bench"), work.resolve("gatling"));
        Path tokens = work.resolve("tokens.csv");
        StringBuilder csv = new StringBuilder("token\n");
        for (int i = 0; i < settings.users(); i++) {
            csv.append(stack.dev().tokens().mint("bench-user-" + i, List.of("user"), Duration.ofHours(3)))
                    .append('\n');
        }
        Files.writeString(tokens, csv);
        Map<String, String> base = Map.of("bench.baseUrl", stack.url("reporting"), "bench.tokens", tokens.toString());

        warmUp(gatling, base);
        backlog.drain();

        PgBench pgbench = new PgBench(stack.dev().postgres(), work.resolve("pgbench"), settings.pgbenchClients());
        pgbench.prepare(repo);
        String payload = Queries.single(
                stack,
                "reporting",
                "SELECT payload FROM kit_outbox WHERE topic = 'reporting.events' ORDER BY id DESC LIMIT 1");
        Path script = pgbench.script(payload, settings.users());
        Files.copy(script, resultsDir.resolve("pgbench-reporting-filing.sql"), StandardCopyOption.REPLACE_EXISTING);
        // Issue 27's baseline of the CPU per report: PostgreSQL's CPU per filing transaction over the C runs
        // (pgbench's own CPU is counted apart, as the load generator).
        Map<String, Long> before = stack.cpuTicksByPart();
        for (int i = 0; i < settings.pgbenchRuns(); i++) {
            PgBench.Run run = pgbench.ceiling(script, settings.pgbenchSeconds());
            r.pgbenchTps.add(run.tps());
            r.pgbenchTransactions += run.transactions();
            log("  pgbench run %d: %.0f tx/s (%,d transactions)", i + 1, run.tps(), run.transactions());
        }
        Map<String, Double> pgbenchCpu = Stack.cpuSecondsSince(before, stack.cpuTicksByPart());
        r.pgbenchPostgresCpu = pgbenchCpu.getOrDefault("PostgreSQL", Double.NaN);
        r.pgbenchOwnCpu = pgbenchCpu.getOrDefault(Stack.LOAD_GENERATOR, Double.NaN);
        log(
                "  PostgreSQL used %.1f CPU s for %,d transactions (pgbench itself %.1f s)",
                r.pgbenchPostgresCpu, r.pgbenchTransactions, r.pgbenchOwnCpu);
        r.ceiling = median(r.pgbenchTps);

        int most = settings.concurrency().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(64);
        for (int users : settings.concurrency()) {
            backlog.drain();
            log("Closed model, %d users, %d s...", users, settings.closedSeconds());
            Map<String, Long> cpuBefore = stack.cpuTicksByPart();
            long started = System.nanoTime();
            GatlingRun.Result result = closed(gatling, base, "intake-closed-" + users, users, settings.closedSeconds());
            r.closed.put(users, result);
            log("  %s", result);
            if (users == most) {
                // Issue 27's CPU per report: every part's CPU from the round's start until what it filed reached
                // review (and any mail it caused went out), so the consumers' work for these reports counts too.
                backlog.drain();
                backlog.drainMail();
                r.intakeCpu.putAll(Stack.cpuSecondsSince(cpuBefore, stack.cpuTicksByPart()));
                r.intakeCpuSeconds = (System.nanoTime() - started) / 1e9;
                r.intakeCpuReports = result.ok();
                r.intakeCpuUsers = users;
                log("  CPU seconds by part over %.0f s (round and drain): %s", r.intakeCpuSeconds, r.intakeCpu);
            }
        }
        r.saturation = r.closed.values().stream()
                .mapToDouble(GatlingRun.Result::okPerSecond)
                .max()
                .orElse(Double.NaN);

        double halfT = r.saturation / 2;
        backlog.drain();
        log("Open model at T/2 = %.0f/s (context), %d s...", halfT, settings.openSeconds());
        r.openHalfT = open(gatling, base, "intake-open-half-t", halfT, settings.openSeconds());
        log("  %s", r.openHalfT);
        backlog.drain();
        r.dbAtHalfT = pgbench.atRate(script, halfT, settings.openSeconds());
        log("  pgbench at %.0f/s: %s", halfT, r.dbAtHalfT);

        // Issue 27's "2× capacity": twice the suite's measured saturation; past kit.http.max-in-flight a service
        // refuses at once (503), which the answered requests' p99 and the refusals' own p99 show.
        backlog.drain();
        log("Open model at 2T = %.0f/s, %d s...", 2 * r.saturation, settings.openSeconds());
        r.openDoubleT = open(gatling, base, "intake-open-double-t", 2 * r.saturation, settings.openSeconds());
        log("  %s", r.openDoubleT);
        backlog.drain();

        double half = r.ceiling / 2;
        r.dbAtHalfC = pgbench.atRate(script, half, settings.openHalfCSeconds());
        log("  pgbench at %.0f/s: %s", half, r.dbAtHalfC);
        backlog.drain();
        // The suite cannot keep up with C/2 here: the backlog this leaves is why it runs last.
        log("Open model at C/2 = %.0f/s, %d s...", half, settings.openHalfCSeconds());
        r.openHalfC = open(gatling, base, "intake-open-half-c", half, settings.openHalfCSeconds());
        log("  %s", r.openHalfC);

        // Profiling aid: the endpoint with nothing downstream (review, appeals, dmca and notification
        // stopped), to tell its own cost from the CPU the consumers of its events take on this machine.
        for (String service : List.of("review", "appeals", "dmca", "notification")) {
            stack.stopService(service);
        }
        int users = settings.concurrency().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(64);
        log("Closed model, %d users, %d s, reporting-service alone...", users, settings.closedSeconds());
        r.alone = closed(gatling, base, "intake-closed-alone", users, settings.closedSeconds());
        r.aloneUsers = users;
        log("  %s", r.alone);
    }

    /**
     * Closed rounds at the highest concurrency until the rate stops rising: at least
     * {@code bench.warmup.seconds}, then until two rounds in a row did not beat the best rate by more
     * than 5 %, at most {@code bench.warmup.max.seconds}. Seven JVMs just started on two shared cores
     * take minutes of load to compile their hot paths: a fixed 60 s measured them half-compiled (a
     * whole-suite run went 17, 50, 82, 100, 134, 128, 142, 171 reports/s in successive 30 s rounds).
     */
    private void warmUp(GatlingRun gatling, Map<String, String> base) throws Exception {
        int users = settings.concurrency().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(32);
        double best = 0;
        int flat = 0;
        for (int elapsed = 0; elapsed < settings.warmupMaxSeconds(); elapsed += settings.warmupRoundSeconds()) {
            boolean minimumDone = elapsed >= settings.warmupSeconds();
            if (minimumDone && flat >= 2) {
                break;
            }
            log(
                    "Warm-up round %d: %d s closed, %d users...",
                    r.warmup.size() + 1, settings.warmupRoundSeconds(), users);
            GatlingRun.Result round = closed(
                    gatling, base, "intake-warmup-" + (r.warmup.size() + 1), users, settings.warmupRoundSeconds());
            r.warmup.add(round);
            log("  %s", round);
            flat = round.okPerSecond() > best * 1.05 ? 0 : flat + 1;
            best = Math.max(best, round.okPerSecond());
        }
    }

    /** Gatling's closed model: {@code users} filing one report after another. */
    private static GatlingRun.Result closed(
            GatlingRun gatling, Map<String, String> base, String label, int users, int seconds) {
        return gatling.run(
                label,
                SIMULATION,
                with(
                        base,
                        "bench.mode",
                        "closed",
                        "bench.users",
                        Integer.toString(users),
                        "bench.seconds",
                        Integer.toString(seconds)));
    }

    /** Gatling's open model: {@code rate} new reports a second, whether or not earlier ones were answered. */
    private static GatlingRun.Result open(
            GatlingRun gatling, Map<String, String> base, String label, double rate, int seconds) {
        return gatling.run(
                label,
                SIMULATION,
                with(
                        base,
                        "bench.mode",
                        "open",
                        "bench.rate",
                        Double.toString(rate),
                        "bench.seconds",
                        Integer.toString(seconds)));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
