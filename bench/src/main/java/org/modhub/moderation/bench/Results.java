package org.modhub.moderation.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything measured, for the summary. */
final class Results {

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
    /** The plain JVM ({@link IdleJvm}): its start to first answer, at the first start and at the restarts. */
    final List<Stack.Start> plainStarts = new ArrayList<>();
    /** Each service's RSS at the end of the idle-CPU window (the suite settled), and the plain JVM's CPU and RSS there. */
    final Map<String, Double> idleRssSettled = new LinkedHashMap<>();

    double plainIdleCpu = Double.NaN;
    double plainIdleRss = Double.NaN;
    /** The plain JVM's RSS beside the services' first idle RSS ({@link #idleRss}). */
    double plainFirstIdleRss = Double.NaN;
    /** Infrastructure hops (issue 27): Kafka produce → consume round trip and an SMTP send, from the bench JVM, ms. */
    Percentiles kafkaRoundTrip;

    Percentiles smtpSend;
    /** The database's own time for the queue page's and the case detail's SQL (pgbench at the same rate), ms. */
    Percentiles queuePageDb;

    Percentiles caseDetailDb;
    final Map<String, Double> idleRssAfterRestart = new LinkedHashMap<>();
    final List<Stack.Start> aotTrainingStarts = new ArrayList<>();
    final List<Stack.Start> aotStarts = new ArrayList<>();
    final Map<String, Double> aotIdleRss = new LinkedHashMap<>();
    final Map<String, Double> loadRss = new LinkedHashMap<>();
    /** The intake's warm-up rounds, in order. */
    final List<GatlingRun.Result> warmup = new ArrayList<>();

    final List<Double> pgbenchTps = new ArrayList<>();
    /** Over the C runs: transactions, PostgreSQL's CPU seconds and pgbench's own (issue 27's CPU baseline). */
    long pgbenchTransactions;

    double pgbenchPostgresCpu = Double.NaN;
    double pgbenchOwnCpu = Double.NaN;
    /**
     * CPU seconds by part over the warm intake's closed round at the highest concurrency, until the reports it filed
     * were in review and their mails sent; the reports answered in it; the users; the window's wall time.
     */
    final Map<String, Double> intakeCpu = new LinkedHashMap<>();

    long intakeCpuReports;
    int intakeCpuUsers;
    double intakeCpuSeconds;
    /** Open model at 2 × T (issue 27's "2× capacity"). */
    GatlingRun.Result openDoubleT;

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
    /** The staff console (issue 24): start, session, each page beside its review-service baseline, weights. */
    Stack.Start consoleStart;

    double consolePeakRss = Double.NaN;
    GatlingRun.Result consoleQueueBaseline;
    GatlingRun.Result consoleQueue;
    GatlingRun.Result consoleCaseBaseline;
    GatlingRun.Result consoleCase;
    PageWeight.Weight queueWeight;
    PageWeight.Weight caseWeight;
    /** The console's own HTTP timers (served and called) over each page's runs, warm-up included. */
    Map<String, ServerTimers.Timer> consoleQueueTimers = Map.of();

    Map<String, ServerTimers.Timer> consoleCaseTimers = Map.of();
    Export.Result export;
    /** Issue 27's export baseline: PostgreSQL's own read of the exported statements (COPY … TO STDOUT via psql). */
    long exportDbRows;

    double exportDbSeconds = Double.NaN;
    DirectoryPhase.Result directory;
    /** The upload check (issue 25): an empty bank, then the seeded one. */
    MatchingPhase.Result matching;

    boolean hasIntake() {
        return !Double.isNaN(ceiling);
    }

    boolean hasPipeline() {
        return pipeline != null && pipelineMeasured;
    }

    boolean hasQueue() {
        return queuePage != null;
    }

    boolean hasConsole() {
        return queueWeight != null;
    }

    boolean hasDirectory() {
        return directory != null;
    }

    boolean hasMatching() {
        return matching != null;
    }

    boolean hasExport() {
        return export != null;
    }

    boolean hasFootprint() {
        return !coldStarts.isEmpty();
    }

    /** The start of {@code service} among {@code starts}, or null. */
    static Stack.Start startOf(List<Stack.Start> starts, String service) {
        return starts.stream()
                .filter(st -> st.service().equals(service))
                .findFirst()
                .orElse(null);
    }
}
