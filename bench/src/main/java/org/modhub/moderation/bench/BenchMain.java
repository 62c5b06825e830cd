package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.Log.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.devstack.launcher.RepoLayout;

/**
 * {@code bin/bench}: starts the suite as {@code bin/run} does (on ephemeral infrastructure), runs
 * the five measurements of issue 11, the hub directory's of issue 23, the staff console's of issue 24 and the upload
 * check's of issue 25 (one {@code *Phase} class each) in their order and writes
 * {@code bench/results/summary.md} and SVG plots. Every figure is measured in this run, beside its
 * baseline where one exists.
 */
public final class BenchMain {

    private final Settings settings;
    private final Path repo;
    private final Path work;
    private final Path results;
    private final Results r = new Results();

    private BenchMain(Settings settings, Path repo) {
        this.settings = settings;
        this.repo = repo;
        this.work = repo.resolve("bench/target/bench-work");
        // Only a full run of every part replaces the committed results; a quick or partial run writes beside them.
        this.results = repo.resolve(
                settings.quick()
                        ? "bench/target/results-quick"
                        : settings.only().containsAll(Settings.PARTS)
                                ? "bench/results"
                                : "bench/target/results-partial");
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        Settings settings = Settings.fromSystemProperties();
        Path repo = Path.of(System.getProperty(RepoLayout.REPO_PROPERTY, "."))
                .toAbsolutePath()
                .normalize();
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
            Backlog backlog = new Backlog(stack);
            FootprintPhase footprint = new FootprintPhase(settings, stack, work, r);
            r.environment = environment(stack);
            footprint.start();
            stack.phase("pipeline");
            attempt("pipeline", () -> new PipelinePhase(settings, stack, backlog, r).run());
            if (settings.runs("directory")) {
                attempt("directory", () -> new DirectoryPhase(settings, stack, backlog, r).run());
            }
            OpenCases openCases = new OpenCases(settings, stack, backlog, work, r);
            if (settings.runs("queue")) {
                attempt("queue", () -> new QueuePhase(settings, stack, openCases, repo, work, r).run());
            }
            if (settings.runs("console")) {
                attempt("console", () -> new ConsolePhase(settings, stack, openCases, repo, work, r).run());
            }
            if (settings.runs("export")) {
                attempt("export", () -> new ExportPhase(settings, stack, r).run());
            }
            if (settings.runs("footprint")) {
                attempt("footprint (restarts)", footprint::restart);
            }
            // After the footprint's restarts (whose AOT runs would load the seeded bank), before the intake's overload.
            if (settings.runs("matching")) {
                attempt("matching", () -> new MatchingPhase(settings, stack, repo, work, r).run());
            }
            // Last: the open run at C/2 overloads the suite and leaves a backlog behind it.
            if (settings.runs("intake")) {
                attempt("intake", () -> new IntakePhase(settings, stack, backlog, repo, work, results, r).run());
            }
        } finally {
            r.finishedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (String phase : List.of("intake", "pipeline", "queue", "export", "matching-empty", "matching-loaded")) {
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

    /** The machine, the JDK and PostgreSQL's settings, for the summary. */
    private static String environment(Stack stack) throws Exception {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse("?");
        String settingsPg = Queries.single(
                stack,
                "reporting",
                "SELECT version() || '; fsync=' || current_setting('fsync') "
                        + "|| ', synchronous_commit=' || current_setting('synchronous_commit') || ', shared_buffers=' "
                        + "|| current_setting('shared_buffers') || ', max_connections=' || current_setting('max_connections')");
        return String.format(
                "%d CPUs (%s), %d MiB RAM; JDK %s; %s",
                Runtime.getRuntime().availableProcessors(),
                cpu,
                memTotalMiB(),
                System.getProperty("java.version"),
                settingsPg);
    }

    private static long memTotalMiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024)
                .findFirst()
                .orElse(0L);
    }
}
