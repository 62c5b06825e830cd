package org.modhub.moderation.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The table of issue 27 in {@code summary.md}: each row of the efficiency table as this run measured it, beside
 * its baseline measured in the same run, the ratio, the goal and whether it is met. A row whose part did not run says
 * so.
 */
final class Efficiency {

    /** Parts of {@link Stack#cpuTicksByPart} that are not the suite: the load generators, this driver, the rest. */
    static final Set<String> NOT_THE_SUITE = Set.of(Stack.LOAD_GENERATOR, "driver and mail server", "other");

    private static final String NOT_RUN = "not measured in this run";

    private final Results r;
    private final StringBuilder md = new StringBuilder();

    Efficiency(Results r) {
        this.r = r;
    }

    String markdown() {
        md.append("## Efficiency (issue 27)\n\n")
                .append("Each measure beside its baseline from this same run (what the baseline is, then its figure); ")
                .append("ratio = measured ÷ baseline. How each baseline is measured: `bench/README.md`.\n\n")
                .append("| measure | measured | baseline (same run) | ratio | goal | met |\n")
                .append("|---|---|---|---|---|---|\n");
        cpuPerReport();
        throughput();
        idle();
        ready();
        latencies();
        overload();
        export();
        queue();
        md.append('\n');
        return md.toString();
    }

    private void cpuPerReport() {
        String measure = "CPU per report, whole suite (services, Kafka, PostgreSQL), warm";
        if (r.intakeCpu.isEmpty() || r.intakeCpuReports == 0) {
            missing(measure, "≤ 2.5 ms");
            return;
        }
        double perReport = 1000 * suiteCpu(r.intakeCpu) / r.intakeCpuReports;
        double perTx = 1000 * r.pgbenchPostgresCpu / Math.max(1, r.pgbenchTransactions);
        row(
                measure,
                String.format(
                        Locale.ROOT,
                        "%.2f ms (closed %d users: %,d reports, %.0f CPU s; load generator and driver excluded)",
                        perReport,
                        r.intakeCpuUsers,
                        r.intakeCpuReports,
                        suiteCpu(r.intakeCpu)),
                String.format(
                        Locale.ROOT,
                        "PostgreSQL's CPU per filing transaction under pgbench (C runs, pgbench excluded): %.2f ms",
                        perTx),
                perReport / perTx,
                "≤ 2.5 ms",
                perReport <= 2.5);
    }

    private void throughput() {
        if (!r.hasIntake()) {
            missing("R = suite intake at saturation / pgbench of the filing transaction", "≥ 0.7");
            missing("reporting-service alone / pgbench", "≥ 0.9");
            return;
        }
        double c = r.ceiling;
        row(
                "R = suite intake at saturation / pgbench of the filing transaction",
                "T = " + SummaryText.f(r.saturation) + " reports/s",
                "C = " + SummaryText.f(c) + " tx/s (pgbench, median)",
                r.saturation / c,
                "≥ 0.7",
                r.saturation / c >= 0.7);
        if (r.alone == null) {
            missing("reporting-service alone / pgbench", "≥ 0.9");
        } else {
            row(
                    "reporting-service alone / pgbench",
                    SummaryText.f(r.alone.okPerSecond()) + " reports/s (" + r.aloneUsers
                            + " users, nothing downstream)",
                    "C = " + SummaryText.f(c) + " tx/s",
                    r.alone.okPerSecond() / c,
                    "≥ 0.9",
                    r.alone.okPerSecond() / c >= 0.9);
        }
    }

    private void idle() {
        Map.Entry<String, Double> cpu = worst(r.idleCpu);
        if (cpu == null) {
            missing("idle CPU per service", "≤ 0.5 % of a core");
        } else {
            row(
                    "idle CPU per service",
                    String.format(Locale.ROOT, "%.2f %% of a core (worst: %s)", cpu.getValue(), cpu.getKey()),
                    String.format(Locale.ROOT, "plain JVM, same options, same window: %.2f %%", r.plainIdleCpu),
                    cpu.getValue() / r.plainIdleCpu,
                    "≤ 0.5 % of a core",
                    cpu.getValue() <= 0.5);
        }
        boolean settled = !r.idleRssSettled.isEmpty();
        Map.Entry<String, Double> rss = worst(settled ? r.idleRssSettled : r.idleRss);
        if (rss == null) {
            missing("idle RSS per service (JVM)", "≤ 150 MiB");
        } else {
            row(
                    "idle RSS per service (JVM)",
                    SummaryText.mib(rss.getValue()) + " (worst: " + rss.getKey()
                            + (settled ? "" : "; after the first start, the pipeline did not run") + ")",
                    "plain JVM, same options, same window: "
                            + SummaryText.mib(settled ? r.plainIdleRss : r.plainFirstIdleRss),
                    rss.getValue() / (settled ? r.plainIdleRss : r.plainFirstIdleRss),
                    "≤ 150 MiB",
                    rss.getValue() <= 150);
        }
    }

    private void ready() {
        List<Stack.Start> starts = r.warmStarts.isEmpty() ? r.coldStarts : r.warmStarts;
        if (starts.isEmpty() || r.plainStarts.isEmpty()) {
            missing("ready after start (JVM)", "≤ 2 s in the shipped image");
            return;
        }
        Stack.Start jvm = slowest(starts);
        Stack.Start aot = r.aotStarts.isEmpty() ? null : slowest(r.aotStarts);
        double plain = r.plainStarts.getLast().readyMillis();
        double judged = aot == null ? jvm.readyMillis() : aot.readyMillis();
        row(
                "ready after start (JVM" + (aot == null ? "" : "; from an AOT cache") + ")",
                SummaryText.ms(jvm.readyMillis()) + " (slowest: " + jvm.service() + ", "
                        + (r.warmStarts.isEmpty() ? "first start" : "restart") + ")"
                        + (aot == null
                                ? ""
                                : "; " + SummaryText.ms(aot.readyMillis()) + " from the AOT cache (" + aot.service()
                                        + ")"),
                "plain JVM, same options, spawn → first answer: " + SummaryText.ms(plain),
                jvm.readyMillis() / plain,
                "≤ 2 s in the shipped image (not started here; judged on the " + (aot == null ? "JVM" : "AOT cache's")
                        + " start)",
                judged <= 2000);
    }

    private void latencies() {
        if (!r.hasPipeline()) {
            missing("report → review queue, p99 at 10/s", "≤ 100 ms");
            missing("decision → mail accepted, p99 at 10/s", "≤ 250 ms");
            return;
        }
        String rate = String.format(Locale.ROOT, "%.0f/s", r.settings.pipelineRate());
        double queue = r.pipeline.reportToQueue().p99();
        double mail = r.pipeline.decisionToMail().p99();
        row(
                "report → review queue, p99 at " + rate,
                SummaryText.ms(queue) + " (n = " + r.pipeline.reportToQueue().count() + ")",
                r.kafkaRoundTrip == null
                        ? NOT_RUN
                        : "Kafka produce → consume round trip (acks=all, bench JVM, n = " + r.kafkaRoundTrip.count()
                                + "), p99: " + SummaryText.duration(r.kafkaRoundTrip.p99()),
                r.kafkaRoundTrip == null ? Double.NaN : queue / r.kafkaRoundTrip.p99(),
                "≤ 100 ms",
                queue <= 100);
        row(
                "decision → mail accepted, p99 at " + rate,
                SummaryText.ms(mail) + " (n = " + r.pipeline.decisionToMail().count() + ")",
                r.smtpSend == null
                        ? NOT_RUN
                        : "SMTP send to the same server (Jakarta Mail, bench JVM, n = " + r.smtpSend.count()
                                + "), p99: " + SummaryText.duration(r.smtpSend.p99()),
                r.smtpSend == null ? Double.NaN : mail / r.smtpSend.p99(),
                "≤ 250 ms",
                mail <= 250);
    }

    private void overload() {
        String measure = "answered requests at 2× capacity, p99";
        GatlingRun.Result over = r.openDoubleT;
        if (over == null || r.openHalfT == null) {
            missing(measure, "≤ 1 s (the rest refused at once)");
            return;
        }
        boolean refusedAtOnce = over.ko() == 0 || over.koP99() <= REFUSED_AT_ONCE_MS;
        row(
                measure,
                String.format(
                        Locale.ROOT,
                        "%s at 2T = %s/s (%,d answered, %,d refused, refusals' p99 %s)",
                        SummaryText.ms(over.p99()),
                        SummaryText.f(2 * r.saturation),
                        over.ok(),
                        over.ko(),
                        over.ko() == 0 ? "–" : SummaryText.ms(over.koP99())),
                "answered p99 at T/2 = " + SummaryText.f(r.saturation / 2) + "/s: " + SummaryText.ms(r.openHalfT.p99()),
                over.p99() / r.openHalfT.p99(),
                "≤ 1 s (the rest refused at once: ≤ " + (int) REFUSED_AT_ONCE_MS + " ms)",
                over.p99() <= 1000 && refusedAtOnce);
    }

    /** What this bench takes for "refused at once": the refusals' p99. */
    static final double REFUSED_AT_ONCE_MS = 50;

    private void export() {
        String measure = "statements-of-reasons export";
        if (!r.hasExport()) {
            missing(measure, "≥ 75,000/s in < 256 MiB");
            return;
        }
        Export.Result e = r.export;
        double copy = r.exportDbRows / r.exportDbSeconds;
        row(
                measure + " (" + String.format(Locale.ROOT, "%,d", e.statements()) + " statements)",
                String.format(Locale.ROOT, "%,.0f /s, %s peak RSS", e.perSecond(), SummaryText.mib(e.rssPeakMiB())),
                String.format(
                        Locale.ROOT,
                        "PostgreSQL's own read (`COPY … TO STDOUT` via psql): %s /s; review's RSS before: %s",
                        Double.isNaN(copy) ? "n/a" : String.format(Locale.ROOT, "%,.0f", copy),
                        SummaryText.mib(e.rssBeforeMiB())),
                e.perSecond() / copy,
                "≥ 75,000/s in < 256 MiB",
                e.perSecond() >= 75_000 && e.rssPeakMiB() < 256,
                String.format(
                        Locale.ROOT,
                        "%s (rate); %.2f (RSS)",
                        ratio(e.perSecond() / copy),
                        e.rssPeakMiB() / e.rssBeforeMiB()));
    }

    private void queue() {
        String measure = "queue page / case detail p99";
        if (!r.hasQueue()) {
            missing(measure, "≤ 20 ms at 10M reports, 1M cases");
            return;
        }
        boolean goalSize = r.caseReports >= 10_000_000 && r.openCases >= 1_000_000;
        double page = r.queuePage.p99();
        double detail = r.caseDetail.p99();
        Percentiles pageDb = r.queuePageDb;
        Percentiles detailDb = r.caseDetailDb;
        row(
                measure,
                String.format(
                        Locale.ROOT,
                        "%s / %s at %,d reports, %,d open cases",
                        SummaryText.ms(page),
                        SummaryText.ms(detail),
                        r.caseReports,
                        r.openCases),
                pageDb == null
                        ? NOT_RUN
                        : "the same SQL under pgbench at the same rate, p99: " + SummaryText.duration(pageDb.p99())
                                + " / " + SummaryText.duration(detailDb.p99()),
                Double.NaN,
                "≤ 20 ms at 10M reports, 1M cases" + (goalSize ? "" : " (not loaded at that size here)"),
                goalSize && page <= 20 && detail <= 20 && r.queuePage.ko() == 0 && r.caseDetail.ko() == 0,
                pageDb == null ? "–" : ratio(page / pageDb.p99()) + " / " + ratio(detail / detailDb.p99()));
    }

    /** CPU seconds of the suite's parts: the services, PostgreSQL and Kafka (not the load generators, not the driver). */
    static double suiteCpu(Map<String, Double> byPart) {
        return byPart.entrySet().stream()
                .filter(e -> !NOT_THE_SUITE.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    private static Map.Entry<String, Double> worst(Map<String, Double> values) {
        return values.entrySet().stream()
                .filter(e -> !e.getValue().isNaN())
                .max(Map.Entry.comparingByValue())
                .orElse(null);
    }

    private static Stack.Start slowest(List<Stack.Start> starts) {
        return starts.stream()
                .max(java.util.Comparator.comparingDouble(Stack.Start::readyMillis))
                .orElseThrow();
    }

    private void missing(String measure, String goal) {
        md.append("| ")
                .append(measure)
                .append(" | ")
                .append(NOT_RUN)
                .append(" | – | – | ")
                .append(goal)
                .append(" | – |\n");
    }

    private void row(String measure, String measured, String baseline, double ratio, String goal, boolean met) {
        row(measure, measured, baseline, ratio, goal, met, ratio(ratio));
    }

    private void row(
            String measure,
            String measured,
            String baseline,
            double ratio,
            String goal,
            boolean met,
            String ratioText) {
        md.append("| ")
                .append(measure)
                .append(" | ")
                .append(measured)
                .append(" | ")
                .append(baseline)
                .append(" | ")
                .append(ratioText)
                .append(" | ")
                .append(goal)
                .append(" | ")
                .append(met ? "yes" : "**no**")
                .append(" |\n");
    }

    private static String ratio(double value) {
        if (Double.isInfinite(value)) {
            return "n/a (baseline 0)";
        }
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, value < 0.1 ? "%.3f" : value < 10 ? "%.2f" : "%.0f", value);
    }
}
