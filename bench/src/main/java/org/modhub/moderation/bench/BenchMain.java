package org.modhub.moderation.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.devstack.DevStackDefaults;
import org.modhub.moderation.devstack.launcher.RepoLayout;

/**
 * {@code bin/bench}: starts the suite as {@code bin/run} does (on ephemeral infrastructure), runs
 * the five measurements of issue 11 and writes {@code bench/results/summary.md} and SVG plots.
 * Every figure is measured in this run, beside its baseline where one exists.
 */
public final class BenchMain {

    private final Settings settings;
    private final Path repo;
    private final Path work;
    private final Path results;
    private final Results r = new Results();
    /** case_report rows the bulk loads inserted directly (not through the pipeline). */
    private long bulkCaseReports;

    private BenchMain(Settings settings, Path repo) {
        this.settings = settings;
        this.repo = repo;
        this.work = repo.resolve("bench/target/bench-work");
        // Only a full run of every part replaces the committed results; a quick or partial run writes beside them.
        this.results = repo.resolve(settings.quick() ? "bench/target/results-quick"
                : settings.only().containsAll(Settings.PARTS) ? "bench/results" : "bench/target/results-partial");
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Settings settings = Settings.fromSystemProperties();
        Path repo = Path.of(System.getProperty(RepoLayout.REPO_PROPERTY, ".")).toAbsolutePath().normalize();
        int exit = 0;
        try {
            new BenchMain(settings, repo).run();
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        Files.createDirectories(results);
        r.settings = settings;
        r.startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        log("Benchmarks (" + (settings.quick() ? "quick" : "full") + "): " + settings);
        // A notifier may file reporting.rate-limit.max-reports an hour (20): far below what a load test
        // sends per simulated user. The check itself still runs on every filing.
        Map<String, String> serviceEnv = Map.of("REPORTING_RATE_LIMIT_MAX_REPORTS", "1000000000");
        Stack stack = Stack.start(new RepoLayout(repo), work.resolve("logs"), serviceEnv);
        try {
            r.environment = environment(stack);
            footprintStart(stack);
            stack.phase("pipeline");
            attempt("pipeline", () -> pipeline(stack));
            if (settings.runs("queue")) {
                attempt("queue", () -> queue(stack));
            }
            if (settings.runs("export")) {
                attempt("export", () -> export(stack));
            }
            if (settings.runs("footprint")) {
                attempt("footprint (restarts)", () -> footprintRestart(stack));
            }
            // Last: the open run at C/2 overloads the suite and leaves a backlog behind it.
            if (settings.runs("intake")) {
                attempt("intake", () -> intake(stack));
            }
        } finally {
            r.finishedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (String phase : List.of("intake", "pipeline", "queue", "export")) {
                stack.peakRssMiB(phase).forEach((service, mib) -> r.loadRss.merge(service, mib, Math::max));
            }
            log("Stopping the suite...");
            stack.close();
            new Summary(r, results).write();
            log("Summary: " + repo.relativize(results.resolve("summary.md")));
        }
    }

    private interface Part {
        void run() throws Exception;
    }

    /** Runs one part; a failure is logged and noted in the summary, and the run goes on with the next part. */
    private void attempt(String name, Part part) {
        try {
            part.run();
        } catch (Exception | LinkageError | AssertionError e) {
            log("%s FAILED: %s", name, e);
            e.printStackTrace(System.out);
            r.failures.add(name + ": " + e.getMessage());
        }
        // What is measured so far is on disk after every part, so a run cut short still leaves its figures.
        try {
            new Summary(r, results).write();
        } catch (IOException | RuntimeException e) {
            log("cannot write the summary: %s", e);
        }
    }

    // --- 5. footprint (cold starts now, warm restarts at the end) ---

    private void footprintStart(Stack stack) {
        stack.phase("start");
        for (String service : DevStackDefaults.SERVICES) {
            Stack.Start start = stack.startService(service);
            r.coldStarts.add(start);
            log("  %s ready in %.0f ms (Quarkus: started in %.0f ms)", service, start.readyMillis(), start.quarkusMillis());
        }
        stack.phase("idle");
        log("Idle for %d s...", settings.idleSeconds());
        Stack.sleep(settings.idleSeconds() * 1000L);
        for (String service : DevStackDefaults.SERVICES) {
            r.idleRss.put(service, stack.rssMiB(service));
        }
        log("  idle RSS %s", r.idleRss);
    }

    private void footprintRestart(Stack stack) {
        stack.phase("restart");
        log("Restarting each service (schema migrated, caches cold)...");
        for (String service : DevStackDefaults.SERVICES) {
            Stack.Stop stop = stack.stopService(service);
            r.stops.add(stop);
            log("  %s stopped in %.0f ms%s", service, stop.millis(), stop.exited() ? "" : " (killed)");
            Stack.Start start = stack.startService(service);
            r.warmStarts.add(start);
            log("  %s ready in %.0f ms (Quarkus: started in %.0f ms)", service, start.readyMillis(), start.quarkusMillis());
        }
        Stack.sleep(settings.idleSeconds() * 1000L);
        for (String service : DevStackDefaults.SERVICES) {
            r.idleRssAfterRestart.put(service, stack.rssMiB(service));
        }
        // What the JDK's AOT cache alone changes (JDK 25, JEP 483 and 515: classes loaded and linked,
        // and method profiles, kept from a training run): the same options, first training, each
        // service writing its cache when it stops, then started from that cache.
        Path aot = work.resolve("aot");
        try {
            Files.createDirectories(aot);
            try (var old = Files.list(aot)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        String cache = aot.resolve("{service}.aot").toString();
        String training = settings.aotJavaOpts() + " -XX:AOTCacheOutput=" + cache;
        String cached = settings.aotJavaOpts() + " -XX:AOTCache=" + cache;
        for (int round = 1; round <= 2; round++) {
            String options = round == 1 ? training : cached;
            log("Restarting each service with %s (round %d)...", options, round);
            for (String service : DevStackDefaults.SERVICES) {
                // A training run assembles its cache as it exits, which takes some seconds.
                stack.stopService(service, Duration.ofSeconds(round == 2 ? 120 : 30));
                if (round == 2 && !Files.isRegularFile(aot.resolve(service + ".aot"))) {
                    log("  no AOT cache was written for %s", service);
                }
                Stack.Start start = stack.startService(service, options);
                (round == 1 ? r.aotTrainingStarts : r.aotStarts).add(start);
                log("  %s ready in %.0f ms (Quarkus: started in %.0f ms)", service, start.readyMillis(), start.quarkusMillis());
            }
        }
        Stack.sleep(settings.idleSeconds() * 1000L);
        for (String service : DevStackDefaults.SERVICES) {
            r.aotIdleRss.put(service, stack.rssMiB(service));
        }
        log("  idle RSS (AOT cache) %s", r.aotIdleRss);
        log("Restarting each service with the launcher's options again, for the intake runs...");
        for (String service : DevStackDefaults.SERVICES) {
            stack.stopService(service);
            stack.startService(service);
        }
    }

    // --- 1. intake against the database's ceiling ---

    /**
     * Closed rounds at the highest concurrency until the rate stops rising: at least
     * {@code bench.warmup.seconds}, then until two rounds in a row did not beat the best rate by more
     * than 5 %, at most {@code bench.warmup.max.seconds}. Seven JVMs just started on two shared cores
     * take minutes of load to compile their hot paths: a fixed 60 s measured them half-compiled (a
     * whole-suite run went 17, 50, 82, 100, 134, 128, 142, 171 reports/s in successive 30 s rounds).
     */
    private void warmUp(GatlingRun gatling, Map<String, String> base) throws Exception {
        int users = settings.concurrency().stream().mapToInt(Integer::intValue).max().orElse(32);
        double best = 0;
        int flat = 0;
        for (int elapsed = 0; elapsed < settings.warmupMaxSeconds(); elapsed += settings.warmupRoundSeconds()) {
            boolean minimumDone = elapsed >= settings.warmupSeconds();
            if (minimumDone && flat >= 2) {
                break;
            }
            log("Warm-up round %d: %d s closed, %d users...", r.warmup.size() + 1, settings.warmupRoundSeconds(), users);
            GatlingRun.Result round = gatling.run("intake-warmup-" + (r.warmup.size() + 1),
                    "org.modhub.moderation.bench.gatling.IntakeSimulation", with(base, "bench.mode", "closed", "bench.users",
                            Integer.toString(users), "bench.seconds", Integer.toString(settings.warmupRoundSeconds())));
            r.warmup.add(round);
            log("  %s", round);
            flat = round.okPerSecond() > best * 1.05 ? 0 : flat + 1;
            best = Math.max(best, round.okPerSecond());
        }
    }

    private void intake(Stack stack) throws Exception {
        stack.phase("intake");
        GatlingRun gatling = new GatlingRun(repo.resolve("bench"), work.resolve("gatling"));
        Path tokens = work.resolve("tokens.csv");
        StringBuilder csv = new StringBuilder("token\n");
        for (int i = 0; i < settings.users(); i++) {
            csv.append(stack.dev().tokens().mint("bench-user-" + i, List.of("user"), Duration.ofHours(3))).append('\n');
        }
        Files.writeString(tokens, csv);
        Map<String, String> base = Map.of("bench.baseUrl", stack.url("reporting"), "bench.tokens", tokens.toString());

        warmUp(gatling, base);
        drain(stack);

        PgBench pgbench = new PgBench(stack.dev().postgres(), work.resolve("pgbench"), settings.pgbenchClients());
        pgbench.prepare(repo);
        String payload = single(stack, "reporting",
                "SELECT payload FROM kit_outbox WHERE topic = 'reporting.events' ORDER BY id DESC LIMIT 1");
        Path script = pgbench.script(payload, settings.users());
        Files.copy(script, results.resolve("pgbench-reporting-filing.sql"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (int i = 0; i < settings.pgbenchRuns(); i++) {
            double tps = pgbench.ceiling(script, settings.pgbenchSeconds());
            r.pgbenchTps.add(tps);
            log("  pgbench run %d: %.0f tx/s", i + 1, tps);
        }
        r.ceiling = median(r.pgbenchTps);

        for (int users : settings.concurrency()) {
            drain(stack);
            log("Closed model, %d users, %d s...", users, settings.closedSeconds());
            GatlingRun.Result result = gatling.run("intake-closed-" + users, "org.modhub.moderation.bench.gatling.IntakeSimulation",
                    with(base, "bench.mode", "closed", "bench.users", Integer.toString(users), "bench.seconds",
                            Integer.toString(settings.closedSeconds())));
            r.closed.put(users, result);
            log("  %s", result);
        }
        r.saturation = r.closed.values().stream().mapToDouble(GatlingRun.Result::okPerSecond).max().orElse(Double.NaN);

        double halfT = r.saturation / 2;
        drain(stack);
        log("Open model at T/2 = %.0f/s (context), %d s...", halfT, settings.openSeconds());
        r.openHalfT = gatling.run("intake-open-half-t", "org.modhub.moderation.bench.gatling.IntakeSimulation",
                with(base, "bench.mode", "open", "bench.rate", Double.toString(halfT), "bench.seconds",
                        Integer.toString(settings.openSeconds())));
        log("  %s", r.openHalfT);
        drain(stack);
        r.dbAtHalfT = pgbench.atRate(script, halfT, settings.openSeconds());
        log("  pgbench at %.0f/s: %s", halfT, r.dbAtHalfT);

        double half = r.ceiling / 2;
        r.dbAtHalfC = pgbench.atRate(script, half, settings.openHalfCSeconds());
        log("  pgbench at %.0f/s: %s", half, r.dbAtHalfC);
        drain(stack);
        // The suite cannot keep up with C/2 here: the backlog this leaves is why it runs last.
        log("Open model at C/2 = %.0f/s, %d s...", half, settings.openHalfCSeconds());
        r.openHalfC = gatling.run("intake-open-half-c", "org.modhub.moderation.bench.gatling.IntakeSimulation",
                with(base, "bench.mode", "open", "bench.rate", Double.toString(half), "bench.seconds",
                        Integer.toString(settings.openHalfCSeconds())));
        log("  %s", r.openHalfC);

        // Profiling aid: the endpoint with nothing downstream (review, appeals, dmca and notification
        // stopped), to tell its own cost from the CPU the consumers of its events take on this machine.
        for (String service : List.of("review", "appeals", "dmca", "notification")) {
            stack.stopService(service);
        }
        int users = settings.concurrency().stream().mapToInt(Integer::intValue).max().orElse(64);
        log("Closed model, %d users, %d s, reporting-service alone...", users, settings.closedSeconds());
        r.alone = gatling.run("intake-closed-alone", "org.modhub.moderation.bench.gatling.IntakeSimulation",
                with(base, "bench.mode", "closed", "bench.users", Integer.toString(users), "bench.seconds",
                        Integer.toString(settings.closedSeconds())));
        r.aloneUsers = users;
        log("  %s", r.alone);
    }

    /** Waits until review has taken in every report the reporting-service sent (and both outboxes are empty). */
    private void drain(Stack stack) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long received = count(stack, "reporting", "SELECT count(*) FROM report WHERE status = 'RECEIVED'");
            long unsent = count(stack, "reporting", "SELECT count(*) FROM kit_outbox WHERE sent_at IS NULL")
                    + count(stack, "review", "SELECT count(*) FROM kit_outbox WHERE sent_at IS NULL");
            // Rows the bulk loads wrote straight into review's tables did not come through the pipeline.
            long taken = count(stack, "review", "SELECT count(*) FROM case_report") - bulkCaseReports;
            if (unsent == 0 && taken >= received) {
                if (System.nanoTime() - started > Duration.ofSeconds(1).toNanos()) {
                    log("  (drained the pipeline for %.0f s)", (System.nanoTime() - started) / 1e9);
                }
                Stack.sleep(2000);
                return;
            }
            Stack.sleep(500);
        }
        log("  (pipeline not drained after 5 minutes; going on)");
    }

    // --- 2. pipeline latency ---

    private void pipeline(Stack stack) throws Exception {
        int items = settings.runs("pipeline") ? settings.pipelineItems() : 5;
        if (settings.runs("pipeline") && settings.pipelineWarmupItems() > 0) {
            // The same path once, unmeasured: the figures are of warm JVMs (JIT compilation took about
            // 40 % of review-service's CPU in a cold pipeline run), as with the intake's warm-up.
            int warmup = settings.pipelineWarmupItems();
            log("Pipeline warm-up: %d reports, then %d decisions, at %.0f/s...", warmup, warmup, settings.pipelineRate());
            r.pipelineWarmup = new Pipeline(stack).run(warmup, settings.pipelineRate());
            log("  (warm-up) report -> queue %s (relayed %s, then consumed %s); decision -> mail %s", r.pipelineWarmup.reportToQueue(),
                    r.pipelineWarmup.reportToRelayed(), r.pipelineWarmup.relayedToQueue(), r.pipelineWarmup.decisionToMail());
            drain(stack);
        }
        log("Pipeline: %d reports, then %d decisions, at %.0f/s...", items, items, settings.pipelineRate());
        Map<String, Long> cpuBefore = stack.cpuTicksByPart();
        long[] machineBefore = Stack.machineTicks();
        long started = System.nanoTime();
        r.pipeline = new Pipeline(stack).run(items, settings.pipelineRate());
        r.pipelineSeconds = (System.nanoTime() - started) / 1e9;
        long[] machineAfter = Stack.machineTicks();
        stack.cpuTicksByPart().forEach((part, ticks) ->
                r.pipelineCpu.put(part, (ticks - cpuBefore.getOrDefault(part, 0L)) / 100.0)); // clock ticks are 1/100 s
        r.pipelineMachineBusy = (machineAfter[0] - machineBefore[0]) / 100.0;
        r.pipelineMachineTotal = (machineAfter[1] - machineBefore[1]) / 100.0;
        log("  CPU seconds by part over %.0f s: %s; machine busy %.0f of %.0f CPU s", r.pipelineSeconds, r.pipelineCpu,
                r.pipelineMachineBusy, r.pipelineMachineTotal);
        log("  report -> queue %s (relayed %s, then consumed %s); decision -> mail %s (queued %s, then sent %s)",
                r.pipeline.reportToQueue(), r.pipeline.reportToRelayed(), r.pipeline.relayedToQueue(), r.pipeline.decisionToMail(),
                r.pipeline.decisionToQueued(), r.pipeline.queuedToSent());
        r.pipelineMeasured = settings.runs("pipeline");
        if (r.pipelineMeasured) {
            idleCpu(stack);
            if (settings.pipelineOverloadItems() > 0) {
                // Context: the same path at a rate whose work exceeds the two cores, so queues grow for as long as it lasts.
                log("Pipeline beyond capacity: %d reports, then %d decisions, at %.0f/s...", settings.pipelineOverloadItems(),
                        settings.pipelineOverloadItems(), settings.pipelineOverloadRate());
                r.pipelineOverload = new Pipeline(stack).run(settings.pipelineOverloadItems(), settings.pipelineOverloadRate());
                log("  report -> queue %s; decision -> mail %s", r.pipelineOverload.reportToQueue(), r.pipelineOverload.decisionToMail());
                drain(stack);
                drainMail(stack);
            }
        }
    }

    /** Waits (at most 3 minutes) until notification has no mail queued or being sent. */
    private void drainMail(Stack stack) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline
                && count(stack, "notification", "SELECT count(*) FROM mail_delivery WHERE status IN ('QUEUED', 'SENDING')") > 0) {
            Stack.sleep(500);
        }
    }

    /** CPU the warm suite uses doing nothing (after the pipeline drained): each service, and the whole machine. */
    private void idleCpu(Stack stack) throws SQLException {
        drain(stack);
        // And the mail queue: the pipeline's mails may still be going out.
        drainMail(stack);
        Stack.sleep(10_000);
        Map<String, Long> before = new LinkedHashMap<>();
        DevStackDefaults.SERVICES.forEach(service -> before.put(service, stack.cpuTicks(service)));
        long[] machineBefore = Stack.machineTicks();
        long started = System.nanoTime();
        log("Idle CPU: %d s without requests...", settings.idleSeconds());
        Stack.sleep(settings.idleSeconds() * 1000L);
        double seconds = (System.nanoTime() - started) / 1e9;
        for (String service : DevStackDefaults.SERVICES) {
            long after = stack.cpuTicks(service);
            // Clock ticks are 1/100 s on Linux: ticks / (100 × s) is the share of one core, in per cent ticks / s.
            r.idleCpu.put(service, after < 0 || before.get(service) < 0 ? Double.NaN : (after - before.get(service)) / seconds);
        }
        long[] machineAfter = Stack.machineTicks();
        r.idleMachineCpu = 100.0 * (machineAfter[0] - machineBefore[0]) / Math.max(1, machineAfter[1] - machineBefore[1]);
        log("  idle CPU (%% of one core) %s; machine busy %.1f %%", r.idleCpu, r.idleMachineCpu);
    }

    // --- 3. the queue at scale ---

    private void queue(Stack stack) throws Exception {
        stack.phase("queue");
        log("Bulk-loading %,d reports in %,d open cases...", settings.queueReports(), settings.queueCases());
        long t0 = System.nanoTime();
        long before = count(stack, "review", "SELECT count(*) FROM case_report");
        try (Connection db = stack.db("review")) {
            Bulk.queue(db, settings.queueCases(), settings.queueReports());
            Bulk.analyze(db);
        }
        bulkCaseReports += count(stack, "review", "SELECT count(*) FROM case_report") - before;
        r.queueLoadSeconds = (System.nanoTime() - t0) / 1e9;
        r.openCases = count(stack, "review", "SELECT count(*) FROM review_case WHERE state <> 'CLOSED'");
        r.caseReports = count(stack, "review", "SELECT count(*) FROM case_report");
        log("  loaded in %.0f s; %,d open cases, %,d reports in review", r.queueLoadSeconds, r.openCases, r.caseReports);
        Path cases = work.resolve("cases.csv");
        Files.writeString(cases, "id\n" + String.join("\n", Bulk.someCaseIds(settings.queueCases(), 5000)) + "\n");
        String staff = stack.dev().tokens().mint("bench-moderator", List.of("moderator"), Duration.ofHours(3));
        GatlingRun gatling = new GatlingRun(repo.resolve("bench"), work.resolve("gatling"));
        Map<String, String> base = Map.of("bench.baseUrl", stack.url("review"), "bench.token", staff, "bench.cases",
                cases.toString(), "bench.rate", Double.toString(settings.queueRate()), "bench.seconds",
                Integer.toString(settings.queueSeconds()));
        // Each run warms up first in the same Gatling JVM (JIT on both sides, connection pools, the
        // indexes' pages in the cache); only the requests after it count.
        Map<String, String> measured = with(base, "bench.warmup.seconds", Integer.toString(settings.queueWarmupSeconds()));
        r.queuePage = gatling.run("queue-page", "org.modhub.moderation.bench.gatling.QueueSimulation",
                with(measured, "bench.target", "page"), "queue page");
        log("  queue page %s", r.queuePage);
        r.caseDetail = gatling.run("case-detail", "org.modhub.moderation.bench.gatling.QueueSimulation",
                with(measured, "bench.target", "detail"), "case detail");
        log("  case detail %s", r.caseDetail);
    }

    // --- 4. transparency export ---

    private void export(Stack stack) throws Exception {
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
        stack.cpuTicksByPart().forEach((part, ticks) ->
                r.exportCpu.put(part, (ticks - cpuBefore.getOrDefault(part, 0L)) / 100.0)); // clock ticks are 1/100 s
        log("  export %s; CPU seconds by part %s", r.export, r.exportCpu);
    }

    // --- helpers ---

    private String environment(Stack stack) throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        String settingsPg = single(stack, "reporting", "SELECT version() || '; fsync=' || current_setting('fsync') "
                + "|| ', synchronous_commit=' || current_setting('synchronous_commit') || ', shared_buffers=' "
                + "|| current_setting('shared_buffers') || ', max_connections=' || current_setting('max_connections')");
        return String.format("%d CPUs (%s), %d MiB RAM; JDK %s; %s", Runtime.getRuntime().availableProcessors(), cpu,
                memTotalMiB(), System.getProperty("java.version"), settingsPg);
    }

    private static long memTotalMiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(0L);
    }

    private static String single(Stack stack, String database, String sql) throws SQLException {
        try (Connection db = stack.db(database); Statement q = db.createStatement(); ResultSet rs = q.executeQuery(sql)) {
            if (!rs.next()) {
                throw new IllegalStateException("no row: " + sql);
            }
            return rs.getString(1);
        }
    }

    private static long count(Stack stack, String database, String sql) throws SQLException {
        return Long.parseLong(single(stack, database, sql));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> result = new LinkedHashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            result.put(pairs[i], pairs[i + 1]);
        }
        return result;
    }

    /** Always with seconds: LocalTime.toString() leaves them out when they are zero. */
    private static final java.time.format.DateTimeFormatter CLOCK = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss");

    static void log(String format, Object... args) {
        System.out.println("[bench " + CLOCK.format(java.time.LocalTime.now()) + "] "
                + (args.length == 0 ? format : String.format(java.util.Locale.ROOT, format, args)));
    }

    /** Everything measured, for the summary. */
    static final class Results {
        Settings settings;
        Instant startedAt;
        Instant finishedAt;
        String environment;
        final List<String> failures = new ArrayList<>();
        final List<Stack.Start> coldStarts = new ArrayList<>();
        final List<Stack.Start> warmStarts = new ArrayList<>();
        /** SIGTERM to exit of each service before its restart (idle, after the measured runs). */
        final List<Stack.Stop> stops = new ArrayList<>();
        final Map<String, Double> idleRss = new LinkedHashMap<>();
        /** CPU of each warm, idle service in % of one core; the whole machine's busy share in % of all CPUs. */
        final Map<String, Double> idleCpu = new LinkedHashMap<>();
        /** CPU seconds each part of the suite used during the measured pipeline round, and the round's wall time. */
        final Map<String, Double> pipelineCpu = new LinkedHashMap<>();
        final Map<String, Double> exportCpu = new LinkedHashMap<>();
        double pipelineSeconds;
        double pipelineMachineBusy = Double.NaN;
        double pipelineMachineTotal = Double.NaN;
        double idleMachineCpu = Double.NaN;
        final Map<String, Double> idleRssAfterRestart = new LinkedHashMap<>();
        final List<Stack.Start> aotTrainingStarts = new ArrayList<>();
        final List<Stack.Start> aotStarts = new ArrayList<>();
        final Map<String, Double> aotIdleRss = new LinkedHashMap<>();
        final Map<String, Double> loadRss = new LinkedHashMap<>();
        /** The intake's warm-up rounds, in order. */
        final List<GatlingRun.Result> warmup = new ArrayList<>();
        final List<Double> pgbenchTps = new ArrayList<>();
        double ceiling = Double.NaN;
        final Map<Integer, GatlingRun.Result> closed = new LinkedHashMap<>();
        double saturation = Double.NaN;
        GatlingRun.Result openHalfC;
        GatlingRun.Result alone;
        int aloneUsers;
        Percentiles dbAtHalfC;
        GatlingRun.Result openHalfT;
        Percentiles dbAtHalfT;
        Pipeline.Result pipeline;
        /** The unmeasured warm-up round of the pipeline (cold JVMs), shown as context. */
        Pipeline.Result pipelineWarmup;
        /** The same path at {@code bench.pipeline.overload.rate}, beyond what the machine sustains (context, not the goal). */
        Pipeline.Result pipelineOverload;
        boolean pipelineMeasured;
        double queueLoadSeconds;
        long openCases;
        long caseReports;
        GatlingRun.Result queuePage;
        GatlingRun.Result caseDetail;
        Export.Result export;
    }
}
