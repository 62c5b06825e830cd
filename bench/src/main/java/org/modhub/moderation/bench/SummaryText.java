package org.modhub.moderation.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modhub.moderation.devstack.DevStackDefaults;

/** The text of {@code summary.md}: the goals table, then one section for each part that ran. */
final class SummaryText {

    private final Results r;
    private final Settings s;
    private final StringBuilder md = new StringBuilder();

    SummaryText(Results r) {
        this.r = r;
        this.s = r.settings;
    }

    String markdown() {
        header();
        md.append(new Efficiency(r).markdown());
        goals();
        if (r.hasIntake()) {
            intake();
        }
        if (r.hasPipeline()) {
            pipeline();
        }
        if (r.hasQueue()) {
            queue();
        }
        if (r.hasConsole()) {
            console();
        }
        if (r.hasExport()) {
            export();
        }
        if (r.hasFootprint()) {
            footprint();
        }
        if (r.hasDirectory()) {
            directory();
        }
        if (r.hasMatching()) {
            matching();
        }
        return md.toString();
    }

    /** When, where and with what settings; the parts that failed. */
    private void header() {
        md.append("# Benchmark results\n\n");
        md.append("Written by `bin/bench")
                .append(s.quick() ? " --quick" : "")
                .append("` on ")
                .append(r.startedAt)
                .append(
                        r.finishedAt == null
                                ? " (still running: what is measured so far)"
                                : " (finished " + r.finishedAt + ")")
                .append(". Every figure below comes from this one run; ")
                .append("ratios are against a baseline measured in the same run.\n\n");
        md.append("Machine: ").append(r.environment).append(".\n");
        md.append("Everything shares these CPUs: PostgreSQL, the Kafka broker, the mail server (in the driver JVM), ")
                .append("the six services (`")
                .append(System.getenv().getOrDefault("DEVSTACK_SERVICE_JAVA_OPTS", Stack.SERVICE_JAVA_OPTS))
                .append("`, JVM mode; matching-service `")
                .append(org.modhub.moderation.devstack.launcher.LocalSuite.serviceJavaOptions(
                        MatchingPhase.SERVICE, System.getenv()))
                .append("`), Gatling and pgbench.\n\n");
        md.append("Settings: ").append(settingsLine()).append("\n\n");
        if (!r.failures.isEmpty()) {
            md.append("**Parts that failed in this run** (their figures are missing below):\n\n");
            r.failures.forEach(failure ->
                    md.append("- ").append(failure.replace("\n", " ")).append("\n"));
            md.append("\n");
        }
    }

    private void goals() {
        md.append("## Goals\n\n| # | measure | measured | goal | met |\n|---|---|---|---|---|\n");
        if (r.hasIntake()) {
            double ratio = r.saturation / r.ceiling;
            md.append(row(
                    "1",
                    "intake throughput R = T / C",
                    String.format(Locale.ROOT, "%.2f (T %s/s, C %s/s)", ratio, f(r.saturation), f(r.ceiling)),
                    "≥ 0.7",
                    ratio >= 0.7));
            if (r.openHalfC != null) {
                md.append(row(
                        "1",
                        "POST /reports p99 at C/2 (" + f(r.ceiling / 2) + "/s, open)",
                        ms(r.openHalfC.p99()) + " (p50 " + ms(r.openHalfC.p50()) + "; " + failures(r.openHalfC)
                                + "); database p99 at that rate " + ms(r.dbAtHalfC.p99()),
                        "≤ 50 ms",
                        r.openHalfC.p99() <= 50 && r.openHalfC.ko() == 0));
            }
        }
        if (r.hasPipeline()) {
            md.append(row(
                    "2",
                    "report accepted → in review queue, p99",
                    ms(r.pipeline.reportToQueue().p99()) + " (n = "
                            + r.pipeline.reportToQueue().count() + ")",
                    "≤ 1 s",
                    r.pipeline.reportToQueue().p99() <= 1000));
            md.append(row(
                    "2",
                    "decision taken → mail accepted by SMTP, p99",
                    ms(r.pipeline.decisionToMail().p99()) + " (n = "
                            + r.pipeline.decisionToMail().count() + ")",
                    "≤ 2 s",
                    r.pipeline.decisionToMail().p99() <= 2000));
        }
        if (r.hasQueue()) {
            md.append(row(
                    "3",
                    "queue page p99 (" + String.format(Locale.ROOT, "%,d", r.caseReports) + " reports, "
                            + String.format(Locale.ROOT, "%,d", r.openCases) + " open cases)",
                    ms(r.queuePage.p99()),
                    "≤ 50 ms",
                    r.queuePage.p99() <= 50 && r.queuePage.ko() == 0));
            md.append(row(
                    "3",
                    "case detail p99",
                    ms(r.caseDetail.p99()),
                    "≤ 50 ms",
                    r.caseDetail.p99() <= 50 && r.caseDetail.ko() == 0));
        }
        if (r.hasConsole()) {
            consoleGoals();
        }
        if (r.hasExport()) {
            md.append(row(
                    "4",
                    "statements of reasons exported",
                    String.format(
                            Locale.ROOT,
                            "%,.0f /s (%,d in %.1f s)",
                            r.export.perSecond(),
                            r.export.statements(),
                            r.export.seconds()),
                    "≥ 50,000 /s",
                    r.export.perSecond() >= 50_000));
            md.append(row(
                    "4",
                    "review-service peak RSS during the export",
                    mib(r.export.rssPeakMiB()) + " (before: " + mib(r.export.rssBeforeMiB()) + ")",
                    "< 256 MB",
                    r.export.rssPeakMiB() < 256));
        }
        if (r.hasMatching() && r.matching.loaded() != null) {
            matchingGoals();
        }
        List<Stack.Start> starts = r.warmStarts.isEmpty() ? r.coldStarts : r.warmStarts;
        if (!starts.isEmpty()) {
            double worst =
                    starts.stream().mapToDouble(Stack.Start::readyMillis).max().orElse(Double.NaN);
            md.append(row(
                    "5",
                    "start to ready, slowest service (" + (r.warmStarts.isEmpty() ? "first start" : "restart") + ")",
                    ms(worst),
                    "≤ 2 s",
                    worst <= 2000));
            double idle = r.idleRss.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(Double.NaN);
            md.append(row("5", "idle RSS, largest service", mib(idle), "≤ 200 MB", idle <= 200));
        }
        md.append("\n");
    }

    private void intake() {
        md.append("## 1. Intake against the database's ceiling\n\n");
        md.append("**C** (the database's ceiling): pgbench, ")
                .append(s.pgbenchClients())
                .append(" clients, ")
                .append(s.pgbenchSeconds())
                .append(" s a run, on the same PostgreSQL, running the reporting-service's filing ")
                .append(
                        "transaction ([pgbench-reporting-filing.sql](pgbench-reporting-filing.sql): standing upsert returning the row, ")
                .append(
                        "merge-window and rate-limit reads, report row, outbox row with a real `ReportFiled` event, standing ")
                .append("update) against a copy of its schema made from its own migrations. Runs: ");
        List<String> runs = new ArrayList<>();
        r.pgbenchTps.forEach(t -> runs.add(f(t) + " tx/s"));
        md.append(String.join(", ", runs))
                .append(" → median **C = ")
                .append(f(r.ceiling))
                .append(" tx/s**.\n\n");
        List<String> rounds = new ArrayList<>();
        r.warmup.forEach(w -> rounds.add(f(w.okPerSecond())));
        md.append("**Warm-up**: the services were restarted before the intake runs, so first closed rounds of ")
                .append(s.warmupRoundSeconds())
                .append(" s at the highest concurrency until the rate stopped rising (at least ")
                .append(s.warmupSeconds())
                .append(" s, then until two rounds in a row did not beat the best by more than 5 %, at most ")
                .append(s.warmupMaxSeconds())
                .append(" s): ")
                .append(String.join(", ", rounds))
                .append(
                        " reports/s. Just-started JVMs on two shared cores need minutes of load to compile their hot paths.\n\n");
        md.append(
                        "**T**: `POST /api/v1/reports`, closed model after the warm-up, each report on a new subject by one of ")
                .append(s.users())
                .append(
                        " users:\n\n| concurrent users | reports/s | ratio to C | p50 | p95 | p99 | failed |\n|---|---|---|---|---|---|---|\n");
        r.closed.forEach((users, res) -> md.append(String.format(
                Locale.ROOT,
                "| %d | %s | %.2f | %s | %s | %s | %d |%n",
                users,
                f(res.okPerSecond()),
                res.okPerSecond() / r.ceiling,
                ms(res.p50()),
                ms(res.p95()),
                ms(res.p99()),
                res.ko())));
        md.append("\n**T = ")
                .append(f(r.saturation))
                .append(" reports/s, R = T / C = ")
                .append(String.format(Locale.ROOT, "%.2f", r.saturation / r.ceiling))
                .append("**.\n\n");
        if (r.alone != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "For comparison (profiling, not the goal's measurement), at the end of the run "
                            + "with review, appeals, dmca and notification stopped, so nothing downstream competes for the CPUs: %d users, "
                            + "%s reports/s (%.2f × C), p50 %s, p99 %s, %d failed.%n%n",
                    r.aloneUsers,
                    f(r.alone.okPerSecond()),
                    r.alone.okPerSecond() / r.ceiling,
                    ms(r.alone.p50()),
                    ms(r.alone.p99()),
                    r.alone.ko()));
        }
        md.append("Open model (Gatling `constantUsersPerSec`; ")
                .append(s.openSeconds())
                .append(" s at T/2, ")
                .append(s.openHalfCSeconds())
                .append(" s at C/2, run last because the suite cannot keep up with it) beside pgbench "
                        + "at the same rate. Times are of the answered requests; a replica with `kit.http.max-in-flight` requests in "
                        + "flight (" + inFlightLimit()
                        + ") refuses the next at once with a 503 and `Retry-After`, counted as failed:\n\n")
                .append(
                        "| rate | endpoint p50 | endpoint p99 | endpoint max | answered/s | failed | database p50 | database p99 |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        if (r.openHalfC != null) {
            md.append(openRow("C/2 = " + f(r.ceiling / 2) + "/s", r.openHalfC, r.dbAtHalfC));
        }
        if (r.openHalfT != null) {
            md.append(openRow("T/2 = " + f(r.saturation / 2) + "/s (context)", r.openHalfT, r.dbAtHalfT));
        }
        if (r.openDoubleT != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "| 2T = %s/s (issue 27's 2× capacity) | %s | %s | %s | %s | %d (refusals' p99 %s) | – | – |%n",
                    f(2 * r.saturation),
                    ms(r.openDoubleT.p50()),
                    ms(r.openDoubleT.p99()),
                    ms(r.openDoubleT.max()),
                    f(r.openDoubleT.okPerSecond()),
                    r.openDoubleT.ko(),
                    r.openDoubleT.ko() == 0 ? "–" : ms(r.openDoubleT.koP99())));
        }
        md.append('\n');
        if (!r.intakeCpu.isEmpty()) {
            md.append(String.format(
                    Locale.ROOT,
                    "CPU per report (issue 27): the closed round at %d users, from its start until review had taken in "
                            + "what it filed and the mail queue was empty (%.0f s), %,d reports; CPU seconds by part (from `/proc`); "
                            + "the suite = services, PostgreSQL and Kafka (the load generator and this driver with the mail server "
                            + "and the hub stand-in are not counted). Baseline: PostgreSQL's CPU over the %d pgbench runs of C "
                            + "(%.1f s for %,d transactions; pgbench itself %.1f s, not counted).%n%n"
                            + "| part | CPU s | CPU ms per report |%n|---|---|---|%n",
                    r.intakeCpuUsers,
                    r.intakeCpuSeconds,
                    r.intakeCpuReports,
                    r.pgbenchTps.size(),
                    r.pgbenchPostgresCpu,
                    r.pgbenchTransactions,
                    r.pgbenchOwnCpu));
            r.intakeCpu.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> md.append(String.format(
                            Locale.ROOT,
                            "| %s%s | %.1f | %.2f |%n",
                            e.getKey(),
                            Efficiency.NOT_THE_SUITE.contains(e.getKey()) ? " (not the suite)" : "",
                            e.getValue(),
                            1000 * e.getValue() / Math.max(1, r.intakeCpuReports))));
            md.append(String.format(
                    Locale.ROOT,
                    "| **the suite** | %.1f | **%.2f** |%n%n",
                    Efficiency.suiteCpu(r.intakeCpu),
                    1000 * Efficiency.suiteCpu(r.intakeCpu) / Math.max(1, r.intakeCpuReports)));
        }
        md.append("![intake](intake.svg)\n\n![latency](latency.svg)\n\n");
    }

    private void pipeline() {
        Pipeline.Result p = r.pipeline;
        md.append("## 2. Pipeline latency\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%d reports sent at %.0f/s (each by its own user on its own model, so each opens a case), "
                        + "then each case claimed and decided (`UNRANK`: enforced at once, statement mail to the owner) at the same rate. "
                        + "Times are the services' own timestamps in their databases (one PostgreSQL, one clock): `report.filed_at` → "
                        + "`review_case.opened_at`, and `decision.decided_at` → `mail_delivery.sent_at` (set once the SMTP server "
                        + "accepted the mail). Requests that failed: %d.%n%n",
                p.reportsFiled(),
                s.pipelineRate(),
                p.failures()));
        md.append("| path | n | p50 | p99 | max | goal (p99) |\n|---|---|---|---|---|---|\n");
        md.append(String.format(
                Locale.ROOT,
                "| report accepted → in the review queue | %d | %s | %s | %s | ≤ 1 s |%n",
                p.reportToQueue().count(),
                ms(p.reportToQueue().p50()),
                ms(p.reportToQueue().p99()),
                ms(p.reportToQueue().max())));
        md.append(String.format(
                Locale.ROOT,
                "| … of which report → event acknowledged by Kafka (reporting's `kit_outbox.sent_at`) | %d | %s | %s | %s | |%n",
                p.reportToRelayed().count(),
                ms(p.reportToRelayed().p50()),
                ms(p.reportToRelayed().p99()),
                ms(p.reportToRelayed().max())));
        md.append(String.format(
                Locale.ROOT,
                "| … and event → case in the queue (review's consumer) | %d | %s | %s | %s | |%n",
                p.relayedToQueue().count(),
                ms(p.relayedToQueue().p50()),
                ms(p.relayedToQueue().p99()),
                ms(p.relayedToQueue().max())));
        md.append(String.format(
                Locale.ROOT,
                "| decision taken → mail accepted by SMTP | %d | %s | %s | %s | ≤ 2 s |%n",
                p.decisionToMail().count(),
                ms(p.decisionToMail().p50()),
                ms(p.decisionToMail().p99()),
                ms(p.decisionToMail().max())));
        md.append(String.format(
                Locale.ROOT,
                "| … of which decision → mail queued in notification (`mail_delivery.created_at`) | %d | %s | %s | %s | |%n",
                p.decisionToQueued().count(),
                ms(p.decisionToQueued().p50()),
                ms(p.decisionToQueued().p99()),
                ms(p.decisionToQueued().max())));
        md.append(String.format(
                Locale.ROOT,
                "| … and mail queued → accepted by SMTP | %d | %s | %s | %s | |%n%n",
                p.queuedToSent().count(),
                ms(p.queuedToSent().p50()),
                ms(p.queuedToSent().p99()),
                ms(p.queuedToSent().max())));
        if (r.pipelineOverload != null) {
            Pipeline.Result o = r.pipelineOverload;
            md.append(String.format(
                    Locale.ROOT,
                    "Beyond the machine's capacity (context, not the goal): %d more items at %.0f/s, more "
                            + "work a second than the two cores do (see the CPU per item below), so every queue grows for as long as the "
                            + "load lasts: report → queue p50 %s / p99 %s; decision → mail p50 %s / p99 %s (of which queued → SMTP p99 %s).%n%n",
                    o.reportsFiled(),
                    s.pipelineOverloadRate(),
                    ms(o.reportToQueue().p50()),
                    ms(o.reportToQueue().p99()),
                    ms(o.decisionToMail().p50()),
                    ms(o.decisionToMail().p99()),
                    ms(o.queuedToSent().p99())));
        }
        if (r.pipelineWarmup != null) {
            Pipeline.Result w = r.pipelineWarmup;
            md.append(String.format(
                    Locale.ROOT,
                    "Measured after a warm-up round of %d items on the same path, unmeasured for the goal; "
                            + "that round, on JVMs just started, gave report → queue p50 %s / p99 %s and decision → mail p50 %s / p99 %s.%n%n",
                    w.reportsFiled(),
                    ms(w.reportToQueue().p50()),
                    ms(w.reportToQueue().p99()),
                    ms(w.decisionToMail().p50()),
                    ms(w.decisionToMail().p99())));
        }
        if (!r.pipelineCpu.isEmpty()) {
            md.append(String.format(
                    Locale.ROOT,
                    "Where the CPU went during the measured round (%.0f s from the first report until the "
                            + "last owner mail was sent; the machine has %.0f CPU seconds in that time and was busy for %.0f of them): "
                            + "CPU seconds by part of the suite (user + system, from `/proc`), and per item (one report and one decision with "
                            + "their events and mails).%n%n| part | CPU s | share of the busy time | CPU ms per item |%n|---|---|---|---|%n",
                    r.pipelineSeconds,
                    r.pipelineMachineTotal,
                    r.pipelineMachineBusy));
            r.pipelineCpu.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(e -> md.append(String.format(
                            Locale.ROOT,
                            "| %s | %.1f | %.0f %% | %.1f |%n",
                            e.getKey(),
                            e.getValue(),
                            100 * e.getValue() / r.pipelineMachineBusy,
                            1000 * e.getValue() / Math.max(1, p.reportsFiled()))));
            md.append('\n');
        }
        if (!r.idleCpu.isEmpty()) {
            StringBuilder each = new StringBuilder();
            r.idleCpu.forEach((service, pct) -> each.append(each.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.1f %%", service, pct)));
            md.append(String.format(
                    Locale.ROOT,
                    "Idle CPU of the warm suite (after the pipeline drained, %d s without requests), "
                            + "in %% of one core: %s; the whole machine (PostgreSQL, Kafka, the mail server and this driver included) "
                            + "was %.1f %% busy.%n%n",
                    s.idleSeconds(),
                    each,
                    r.idleMachineCpu));
            StringBuilder rss = new StringBuilder();
            r.idleRssSettled.forEach((service, mib) -> rss.append(rss.isEmpty() ? "" : ", ")
                    .append(service)
                    .append(' ')
                    .append(mib(mib)));
            md.append(String.format(
                    Locale.ROOT,
                    "Baseline in the same window (issue 27): a plain JVM with the services' options (`IdleJvm`: the JDK's "
                            + "HTTP server, nothing else) used %.2f %% of a core, RSS %s. Each service's RSS at the window's end: "
                            + "%s.%n%n",
                    r.plainIdleCpu,
                    mib(r.plainIdleRss),
                    rss));
        }
        if (r.kafkaRoundTrip != null && r.smtpSend != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "The infrastructure's own hops (issue 27's baselines), from the bench JVM at %.0f/s after the round: "
                            + "Kafka produce → consume round trip on the same broker (acks=all, one partition) n = %d, p50 %s / p99 %s "
                            + "/ max %s; SMTP send to the same mail server (Jakarta Mail, one connection per mail) n = %d, "
                            + "p50 %s / p99 %s / max %s.%n%n",
                    s.pipelineRate(),
                    r.kafkaRoundTrip.count(),
                    duration(r.kafkaRoundTrip.p50()),
                    duration(r.kafkaRoundTrip.p99()),
                    duration(r.kafkaRoundTrip.max()),
                    r.smtpSend.count(),
                    duration(r.smtpSend.p50()),
                    duration(r.smtpSend.p99()),
                    duration(r.smtpSend.max())));
        }
        md.append("![pipeline](pipeline.svg)\n\n");
    }

    private void queue() {
        md.append("## 3. The queue at scale\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Bulk-loaded (SQL `INSERT … SELECT generate_series`, copying a real case and report "
                        + "the service wrote) %,d reports in %,d open cases in %.0f s; review then holds %,d open cases and %,d reports. "
                        + "Open model, %.0f requests/s for %d s each, as a moderator, each after %d s of the same requests in the same "
                        + "Gatling JVM (not counted):%n%n",
                s.queueReports(),
                s.queueCases(),
                r.queueLoadSeconds,
                r.openCases,
                r.caseReports,
                s.queueRate(),
                s.queueSeconds(),
                s.queueWarmupSeconds()));
        md.append("| request | n | p50 | p95 | p99 | max | failed | goal (p99) |\n|---|---|---|---|---|---|---|---|\n");
        md.append(queueRow("`GET /api/v1/cases` (first page)", r.queuePage));
        md.append(queueRow("`GET /api/v1/cases/{id}` (random case)", r.caseDetail));
        md.append("\n");
        if (r.queuePageDb != null && r.caseDetailDb != null) {
            md.append(String.format(
                    Locale.ROOT,
                    "Baseline (issue 27): the database's own time for the SQL each request runs (written out from "
                            + "`CaseRepository.queue` and `CaseService.detail`; pgbench, 4 clients, at %.0f/s for %d s, one "
                            + "transaction a request): queue page p50 %s / p99 %s (n = %d), case detail p50 %s / p99 %s (n = %d).%n%n",
                    s.queueRate(),
                    s.queueSeconds(),
                    duration(r.queuePageDb.p50()),
                    duration(r.queuePageDb.p99()),
                    r.queuePageDb.count(),
                    duration(r.caseDetailDb.p50()),
                    duration(r.caseDetailDb.p99()),
                    r.caseDetailDb.count()));
        }
    }

    private void consoleGoals() {
        String cases = String.format(Locale.ROOT, "%,d open cases", r.openCases);
        if (r.consoleQueue != null) {
            md.append(row(
                    "24",
                    "console `GET /queue` p99, server time (" + cases + ")",
                    ms(r.consoleQueue.p99()) + " (" + ratio(r.consoleQueue.p99(), r.consoleQueueBaseline.p99())
                            + " its API request's)",
                    "≤ 100 ms",
                    r.consoleQueue.p99() <= 100 && r.consoleQueue.ko() == 0));
        }
        if (r.consoleCase != null) {
            md.append(row(
                    "24",
                    "console `GET /cases/{id}` p99, server time",
                    ms(r.consoleCase.p99()) + " (" + ratio(r.consoleCase.p99(), r.consoleCaseBaseline.p99())
                            + " its API request's)",
                    "≤ 100 ms",
                    r.consoleCase.p99() <= 100 && r.consoleCase.ko() == 0));
        }
        for (PageWeight.Weight w : new PageWeight.Weight[] {r.queueWeight, r.caseWeight}) {
            if (w != null) {
                md.append(row(
                        "24",
                        "console page weight `" + (w == r.queueWeight ? "/queue" : "/cases/{id}")
                                + "` (HTML + CSS + JS)",
                        kb(w.total()),
                        "≤ 200 KB",
                        w.total() <= 200_000));
            }
        }
    }

    private void console() {
        md.append("## 7. The staff console (issue 24)\n\n");
        md.append(String.format(
                Locale.ROOT,
                "On the %,d open cases (%,d reports) bulk-loaded for part 3, the console started as `bin/run` starts it "
                        + "(ready in %s, same JVM options as the services) and signed in as a moderator through the identity "
                        + "stand-in's authorization-code flow (once, in the driver; Gatling sends the session cookies). "
                        + "**Server time** = time to the full answer as Gatling on the same machine sees it (connection "
                        + "shared, no think time, redirects not followed: an answer without the page's `<main>` fails). "
                        + "Each page beside the review-service request it is built on, as the same person with a bearer token "
                        + "(the **baseline**), open model at %.0f requests/s for %d s each after %d s of warm-up in the same "
                        + "Gatling JVM (not counted). The console's peak RSS during this part: %s.%n%n",
                r.openCases,
                r.caseReports,
                r.consoleStart == null ? "?" : ms(r.consoleStart.readyMillis()),
                s.queueRate(),
                s.queueSeconds(),
                s.queueWarmupSeconds(),
                mib(r.consolePeakRss)));
        md.append("| request | n | p50 | p95 | p99 | max | failed | p50 / baseline | p99 / baseline | goal (p99) |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n");
        if (r.consoleQueueBaseline != null) {
            md.append(consoleRow("baseline `GET /api/v1/cases?state=OPEN&limit=50`", r.consoleQueueBaseline, null));
        }
        if (r.consoleQueue != null) {
            md.append(consoleRow("console `GET /queue`", r.consoleQueue, r.consoleQueueBaseline));
        }
        if (r.consoleCaseBaseline != null) {
            md.append(consoleRow("baseline `GET /api/v1/cases/{id}` (random case)", r.consoleCaseBaseline, null));
        }
        if (r.consoleCase != null) {
            md.append(consoleRow("console `GET /cases/{id}` (random case)", r.consoleCase, r.consoleCaseBaseline));
        }
        md.append("\n**Page weights** (bytes of each body as the console sends it, uncompressed; no images):\n\n"
                + "| page | HTML | style sheets and scripts | total | goal |\n|---|---|---|---|---|\n");
        for (PageWeight.Weight w : new PageWeight.Weight[] {r.queueWeight, r.caseWeight}) {
            if (w != null) {
                List<String> assets = new ArrayList<>();
                w.assets().forEach((path, bytes) -> assets.add("`" + path + "` " + kb(bytes)));
                md.append(String.format(
                        Locale.ROOT,
                        "| `%s` | %s | %s | **%s** | ≤ 200 KB |%n",
                        w == r.caseWeight ? "/cases/{id}" : w.path(),
                        kb(w.html()),
                        String.join(", ", assets),
                        kb(w.total())));
            }
        }
        timers("`GET /queue`", r.consoleQueueTimers);
        timers("`GET /cases/{id}`", r.consoleCaseTimers);
        md.append("\n");
    }

    /** Where the console's time went for one page: its Micrometer timers, served and called. */
    private void timers(String page, Map<String, ServerTimers.Timer> timers) {
        if (timers.isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        timers.values()
                .forEach(t -> parts.add(String.format(
                        Locale.ROOT,
                        "%s `%s` %,d × mean %s",
                        t.route().startsWith("server") ? "served" : "called",
                        t.route().substring(t.route().indexOf(' ') + 1),
                        t.count(),
                        ms(t.meanMillis()))));
        md.append("\nThe console's own timers (`http_server_requests_seconds`, `http_client_requests_seconds` on its "
                        + "`/q/metrics`) over the runs of ")
                .append(page)
                .append(", warm-up included: ")
                .append(String.join("; ", parts))
                .append(".\n");
    }

    private static String consoleRow(String request, GatlingRun.Result res, GatlingRun.Result baseline) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s | %s | %d | %s | %s | %s |%n",
                request,
                res.ok(),
                ms(res.p50()),
                ms(res.p95()),
                ms(res.p99()),
                ms(res.max()),
                res.ko(),
                baseline == null ? "" : ratio(res.p50(), baseline.p50()),
                baseline == null ? "" : ratio(res.p99(), baseline.p99()),
                baseline == null ? "" : "≤ 100 ms");
    }

    private static String ratio(double value, double baseline) {
        return baseline > 0 ? String.format(Locale.ROOT, "%.1f×", value / baseline) : "–";
    }

    static String kb(long bytes) {
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1000.0);
    }

    private void export() {
        Export.Result e = r.export;
        md.append("## 4. Transparency export\n\n");
        md.append(String.format(
                Locale.ROOT,
                "%,d enforced decisions bulk-loaded (copies of a real decision with its statement of "
                        + "reasons, ten on each of %,d closed cases with one report each), then `GET /api/v1/statements-of-reasons` over "
                        + "their period as an auditor, read to the end: HTTP %d, **%,d statements in %.1f s = %,.0f statements/s** "
                        + "(%,.1f MB of NDJSON). The review-service's resident memory (sampled every 20 ms): %s before, **%s at the "
                        + "peak** (its heap is capped at -Xmx384m).%n%n",
                s.exportDecisions(),
                s.exportDecisions() / 10,
                e.status(),
                e.statements(),
                e.seconds(),
                e.perSecond(),
                e.bytes() / 1e6,
                mib(e.rssBeforeMiB()),
                mib(e.rssPeakMiB())));
        md.append(
                "Each statement is the text the service rendered and stored when its decision took effect (the bulk copies carry "
                        + "the template's, under their own puid). ");
        if (!r.exportCpu.isEmpty()) {
            StringBuilder each = new StringBuilder();
            r.exportCpu.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .filter(part -> part.getValue() >= 0.05)
                    .forEach(part -> each.append(each.isEmpty() ? "" : ", ")
                            .append(String.format(Locale.ROOT, "%s %.1f s", part.getKey(), part.getValue())));
            md.append(String.format(
                    Locale.ROOT,
                    "CPU seconds used during the export (%.1f s on %d CPUs), by part: %s "
                            + "(the driver is the client reading the stream).",
                    e.seconds(),
                    Runtime.getRuntime().availableProcessors(),
                    each));
        }
        if (!Double.isNaN(r.exportDbSeconds)) {
            md.append(String.format(
                    Locale.ROOT,
                    " Baseline (issue 27): PostgreSQL's own read of the same rows, `COPY (SELECT s.statement … ORDER BY "
                            + "d.decided_at, d.id) TO STDOUT` through psql into /dev/null (`\\copy … to '/dev/null'`, psql's `\\timing`): "
                            + "%,d in %.2f s = %,.0f rows/s.",
                    r.exportDbRows,
                    r.exportDbSeconds,
                    r.exportDbRows / r.exportDbSeconds));
        }
        md.append("\n\n");
    }

    private void footprint() {
        md.append("## 5. Footprint (JVM mode)\n\n");
        md.append("Each service started alone (the others already up and idle), wall time from spawning `java -jar "
                + "quarkus-run.jar` to the first 200 on `/q/health/ready` (polled every 20 ms), and Quarkus' own \"started in\". "
                + "First start: on an empty database (Flyway migrates). Restart: at the end of the run, schema in place. "
                + "Idle RSS after " + s.idleSeconds()
                + " s without requests; under load = the highest RSS sampled (every "
                + "250 ms) during the intake, pipeline, queue and export runs. Stop: SIGTERM to exit, before the "
                + "restart (\"killed\" if it had not exited after 30 s).\n\n");
        md.append(
                        "| service | first start: ready | (Quarkus) | stop | restart: ready | (Quarkus) | idle RSS | RSS under load |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (String service : DevStackDefaults.SERVICES) {
            Stack.Start cold = Results.startOf(r.coldStarts, service);
            Stack.Start warm = Results.startOf(r.warmStarts, service);
            Stack.Stop stop = r.stops.stream()
                    .filter(st -> st.service().equals(service))
                    .findFirst()
                    .orElse(null);
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    service,
                    cold == null ? "–" : ms(cold.readyMillis()),
                    cold == null ? "–" : ms(cold.quarkusMillis()),
                    stop == null ? "–" : ms(stop.millis()) + (stop.exited() ? "" : " (killed)"),
                    warm == null ? "–" : ms(warm.readyMillis()),
                    warm == null ? "–" : ms(warm.quarkusMillis()),
                    mib(r.idleRss.getOrDefault(service, Double.NaN)),
                    mib(r.loadRss.getOrDefault(service, Double.NaN))));
        }
        if (!r.aotStarts.isEmpty()) {
            md.append(
                            "\nThe same services with the JDK's AOT cache (JDK 25, JEP 483 and 515: classes loaded and linked, ")
                    .append(
                            "and method profiles, from a training run; the services are packaged as Quarkus' aot-jar, whose flat class path "
                                    + "lets the cache hold the application's classes too): options `")
                    .append(r.settings.aotJavaOpts())
                    .append(
                            "`, first with `-XX:AOTCacheOutput=<service>.aot` (the training run: it starts, then writes ")
                    .append("its cache when it is stopped), then started with `-XX:AOTCache=<service>.aot`.\n\n")
                    .append("| service | training run: ready | from the AOT cache: ready | (Quarkus) | idle RSS |\n")
                    .append("|---|---|---|---|---|\n");
            for (String service : DevStackDefaults.SERVICES) {
                Stack.Start first = Results.startOf(r.aotTrainingStarts, service);
                Stack.Start cached = Results.startOf(r.aotStarts, service);
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %s | %s | %s |%n",
                        service,
                        first == null ? "–" : ms(first.readyMillis()),
                        cached == null ? "–" : ms(cached.readyMillis()),
                        cached == null ? "–" : ms(cached.quarkusMillis()),
                        mib(r.aotIdleRss.getOrDefault(service, Double.NaN))));
            }
        }
        if (!r.plainStarts.isEmpty()) {
            StringBuilder plain = new StringBuilder();
            r.plainStarts.forEach(
                    st -> plain.append(plain.isEmpty() ? "" : ", ").append(ms(st.readyMillis())));
            md.append("\nBaseline (issue 27): a plain JVM with the same options (`IdleJvm`, the JDK's HTTP server "
                            + "answering every GET), spawn to first answer polled the same way, after the first starts (then idle beside "
                            + "the services: RSS " + mib(r.plainFirstIdleRss) + ") and before the restarts: ")
                    .append(plain)
                    .append(".\n");
        }
        md.append("\n![start](start.svg)\n\n![memory](memory.svg)\n");
    }

    private void directory() {
        DirectoryPhase.Result d = r.directory;
        Percentiles b = d.baseline();
        md.append("## 6. Hub directory lookups\n\n");
        md.append(String.format(
                Locale.ROOT,
                "The reporting-service asks the hub directory (service-kit's `RestHubDirectory`) about the subject of every "
                        + "report it files. %d reports on fresh models in one open namespace of the hub stand-in (`%s`), one at a "
                        + "time, each a **miss** (one call to the hub; the namespace's account was cached during the warm-up), then "
                        + "the same models again by other notifiers, each a **hit** (the directory's cache). Times are the adapter's "
                        + "own: `kit_hub_latency_seconds{what=\"subject\"}` on reporting's `/q/metrics`, p50 and p99 as "
                        + "service-kit publishes them (Micrometer's quantiles over a window of about 2 minutes, from a histogram "
                        + "with 1 significant digit; the warm-up of %d lookups of each kind had expired from it), the mean from "
                        + "the exact count and sum. **Baseline**, measured just before in the same run: %d plain `GET "
                        + "/api/models/<namespace>/<name>` with the bearer token, one at a time, from the bench JVM to the stand-in "
                        + "(which runs in that JVM, over loopback). Requests that failed: %d.%n%n",
                d.miss().count(),
                d.namespace(),
                s.directoryWarmup(),
                b.count(),
                d.failures()));
        md.append("| lookup | n | p50 | p99 | mean | max | p50 ÷ baseline p50 | p99 ÷ baseline p99 |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        md.append(String.format(
                Locale.ROOT,
                "| baseline: `GET` to the stand-in | %d | %s | %s | – | %s | 1 | 1 |%n",
                b.count(),
                duration(b.p50()),
                duration(b.p99()),
                duration(b.max())));
        md.append(lookupRow("miss: the directory asks the hub", d.miss(), b));
        md.append(lookupRow("hit: the directory's cache", d.hit(), b));
        md.append(String.format(
                Locale.ROOT,
                "%nThe whole filing as the client saw it (context; the rest is the filing's transaction): on a fresh "
                        + "subject p50 %s / p99 %s, on the same subject again p50 %s / p99 %s.%n%n",
                duration(d.filingMiss().p50()),
                duration(d.filingMiss().p99()),
                duration(d.filingHit().p50()),
                duration(d.filingHit().p99())));
    }

    private static String lookupRow(String name, DirectoryPhase.Lookups l, Percentiles baseline) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s | %s | %s | %s |%n",
                name,
                l.count(),
                duration(l.p50()),
                duration(l.p99()),
                duration(l.mean()),
                duration(l.max()),
                ratio(l.p50() / baseline.p50()),
                ratio(l.p99() / baseline.p99()));
    }

    /** Milliseconds, or microseconds below one. */
    static String duration(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        if (millis < 1) {
            double micros = millis * 1000;
            return String.format(Locale.ROOT, micros < 10 ? "%.1f µs" : "%.0f µs", micros);
        }
        return ms(millis);
    }

    private static String ratio(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, value < 0.1 ? "%.3f" : value < 10 ? "%.2f" : "%.0f", value);
    }

    private void matchingGoals() {
        MatchingPhase.Round e = r.matching.empty();
        MatchingPhase.Round l = r.matching.loaded();
        String hashes = String.format(Locale.ROOT, "%,d hashes", l.entries());
        md.append(row(
                "25",
                "upload check lookups/s at saturation (" + hashes + ", batches of " + r.matching.batch() + ")",
                String.format(
                        Locale.ROOT,
                        "%,.0f /s (%s the empty bank's %,.0f /s) (section 8)",
                        l.best().lookupsPerSecond(),
                        times(l.best().lookupsPerSecond(), e.best().lookupsPerSecond()),
                        e.best().lookupsPerSecond()),
                "≥ 20,000 /s",
                l.best().lookupsPerSecond() >= 20_000));
        md.append(row(
                "25",
                String.format(
                        Locale.ROOT,
                        "upload check p99 at half of that (%,.0f lookups/s, open)",
                        l.atHalf().lookupsPerSecond()),
                ms(l.atHalf().latency().p99()) + " (p50 "
                        + ms(l.atHalf().latency().p50()) + "; "
                        + times(l.atHalf().latency().p99(), e.atHalf().latency().p99())
                        + " the empty bank's p99 at half its rate)",
                "≤ 5 ms",
                l.atHalf().latency().p99() <= 5 && l.atHalf().failed() == 0));
        MatchingPhase.Small es = e.small();
        MatchingPhase.Small ls = l.small();
        md.append(row(
                "25",
                String.format(
                        Locale.ROOT,
                        "upload check p99 at half of saturation, batches of %d (%,.0f lookups/s, open)",
                        ls.batch(),
                        ls.atHalf().lookupsPerSecond()),
                ms(ls.atHalf().latency().p99()) + " (p50 "
                        + ms(ls.atHalf().latency().p50()) + "; "
                        + times(
                                ls.atHalf().latency().p99(),
                                es.atHalf().latency().p99())
                        + " the empty bank's p99 at half its rate, same batches)",
                "≤ 5 ms",
                ls.atHalf().latency().p99() <= 5 && ls.atHalf().failed() == 0));
        md.append(row(
                "25",
                "matching-service start to ready with the bank loaded",
                ms(l.start().readyMillis()) + " ("
                        + times(l.start().readyMillis(), e.start().readyMillis()) + " the empty bank's)",
                "≤ 10 s",
                l.start().readyMillis() <= 10_000));
        double peak = Math.max(l.peakRssMiB(), l.idle().rssMiB());
        md.append(row(
                "25",
                "matching-service RSS, highest after load and under load",
                mib(peak) + " (" + times(peak, Math.max(e.peakRssMiB(), e.idle().rssMiB())) + " the empty bank's)",
                "≤ 1 GB",
                peak * 1024 * 1024 <= 1e9));
    }

    /** 8. The upload check with the bank empty and seeded. */
    private void matching() {
        MatchingPhase.Result m = r.matching;
        MatchingPhase.Round e = m.empty();
        MatchingPhase.Round l = m.loaded();
        md.append("## 8. Upload check (issue 25)\n\n");
        md.append(String.format(
                Locale.ROOT,
                "`POST /api/v1/uploads/check` as the hub calls it (a token with the role `hub`), from the bench's JVM with "
                        + "the JDK's `HttpClient` (HTTP/1.1, kept-alive connections; not Gatling: bodies built once, times in "
                        + "µs), on the same machine. Each batch: one repository, %,d files (%,d bytes of JSON), of which %d "
                        + "carry hashes the seed script banks (`sha256(int8send(i))`, random `i`) and the rest random hashes "
                        + "(misses); 32 such bodies in turn, the same in both rounds. A hash in a batch is one lookup. A batch "
                        + "with a match also records it in PostgreSQL (`upload_match`; one `UploadMatched` event per repository, "
                        + "so 32 in all): with an empty bank nothing matches and no transaction is opened. "
                        + "**Baseline**: the same requests against the same service with an empty bank, before seeding. "
                        + "**Loaded**: `matching-service/bench/seed-bank.sql` (psql, %,d hashes, %s s, service stopped), then the "
                        + "service started again. Each round: matching-service restarted (spawn → first 200 on "
                        + "`/q/health/ready`, which waits for the bank), %d s idle, RSS from `/proc` and the heap after a full "
                        + "GC (`jcmd GC.run`, `GC.heap_info`; its GC pauses logged with `-Xlog:gc`); a probe batch; %d s of warm-up at %d users; closed steps of "
                        + "%d s at %s users (saturation = the best step); then the open model at half of that many batches a "
                        + "second for %d s, each request timed from when it was due. Then the same again with batches of "
                        + "100 files (as many banked hashes, 32 other bodies; an upload of a large repository has tens to a "
                        + "hundred files): 10 s of warm-up, the closed steps, the open model at half of their best; its "
                        + "baseline is the empty bank with the same batches. JVM options: `%s`.%n%n",
                m.batch(),
                m.bodyBytes(),
                m.hits(),
                m.seeded(),
                Double.isNaN(m.seedSeconds()) ? "n/a" : f(m.seedSeconds()),
                s.idleSeconds(),
                s.matchingWarmupSeconds(),
                s.matchingConcurrency().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElse(0),
                s.matchingClosedSeconds(),
                s.matchingConcurrency(),
                s.matchingOpenSeconds(),
                m.javaOptions()));
        md.append("| | empty bank (baseline) | ")
                .append(l == null ? "loaded" : String.format(Locale.ROOT, "%,d hashes", l.entries()))
                .append(" | ratio | goal |\n|---|---|---|---|---|\n");
        matchingRow(
                "start → ready",
                ms(e.start().readyMillis()),
                l == null ? null : ms(l.start().readyMillis()),
                e.start().readyMillis(),
                l == null ? Double.NaN : l.start().readyMillis(),
                "≤ 10 s");
        matchingRow(
                "… Quarkus \"started in\"",
                ms(e.start().quarkusMillis()),
                l == null ? null : ms(l.start().quarkusMillis()),
                e.start().quarkusMillis(),
                l == null ? Double.NaN : l.start().quarkusMillis(),
                "");
        matchingRow(
                "… bank loaded (its log: read from PostgreSQL, sorted)",
                ms(e.loadMillis()),
                l == null ? null : ms(l.loadMillis()),
                e.loadMillis(),
                l == null ? Double.NaN : l.loadMillis(),
                "");
        matchingRow(
                "index arrays (`/api/v1/bank/stats` `memoryBytes`)",
                mb(e.indexBytes()),
                l == null ? null : mb(l.indexBytes()),
                e.indexBytes(),
                l == null ? Double.NaN : l.indexBytes(),
                "");
        matchingRow(
                "RSS after the start, idle",
                mib(e.idle().rssMiB()),
                l == null ? null : mib(l.idle().rssMiB()),
                e.idle().rssMiB(),
                l == null ? Double.NaN : l.idle().rssMiB(),
                "≤ 1 GB");
        matchingRow(
                "heap after a full GC, idle (live data)",
                mib(e.idle().heapUsedMiB()),
                l == null ? null : mib(l.idle().heapUsedMiB()),
                e.idle().heapUsedMiB(),
                l == null ? Double.NaN : l.idle().heapUsedMiB(),
                "");
        matchingRow(
                "lookups/s at saturation (best closed step)",
                lookups(e.best()),
                l == null ? null : lookups(l.best()),
                e.best().lookupsPerSecond(),
                l == null ? Double.NaN : l.best().lookupsPerSecond(),
                "≥ 20,000 /s");
        matchingRow(
                "open model at half the best: rate",
                openRate(e.atHalf()),
                l == null ? null : openRate(l.atHalf()),
                e.atHalf().rate(),
                l == null ? Double.NaN : l.atHalf().rate(),
                "");
        matchingRow(
                "… p50",
                ms(e.atHalf().latency().p50()),
                l == null ? null : ms(l.atHalf().latency().p50()),
                e.atHalf().latency().p50(),
                l == null ? Double.NaN : l.atHalf().latency().p50(),
                "");
        matchingRow(
                "… p99",
                ms(e.atHalf().latency().p99()),
                l == null ? null : ms(l.atHalf().latency().p99()),
                e.atHalf().latency().p99(),
                l == null ? Double.NaN : l.atHalf().latency().p99(),
                "≤ 5 ms");
        matchingRow(
                "… max",
                ms(e.atHalf().latency().max()),
                l == null ? null : ms(l.atHalf().latency().max()),
                e.atHalf().latency().max(),
                l == null ? Double.NaN : l.atHalf().latency().max(),
                "");
        matchingRow(
                "… the service's GC pauses meanwhile: count (full), longest, sum",
                pauses(e.pausesAtHalf()),
                l == null ? null : pauses(l.pausesAtHalf()),
                Double.NaN,
                Double.NaN,
                "");
        matchingRow(
                "… not answered 200",
                Long.toString(e.atHalf().sent() - e.atHalf().ok()),
                l == null ? null : Long.toString(l.atHalf().sent() - l.atHalf().ok()),
                Double.NaN,
                Double.NaN,
                "");
        MatchingPhase.Small es = e.small();
        MatchingPhase.Small ls = l == null ? null : l.small();
        matchingRow(
                "batches of " + es.batch() + ": lookups/s at saturation (best closed step)",
                lookups(es.best()),
                ls == null ? null : lookups(ls.best()),
                es.best().lookupsPerSecond(),
                ls == null ? Double.NaN : ls.best().lookupsPerSecond(),
                "");
        matchingRow(
                "… open model at half the best: rate",
                openRate(es.atHalf()),
                ls == null ? null : openRate(ls.atHalf()),
                es.atHalf().rate(),
                ls == null ? Double.NaN : ls.atHalf().rate(),
                "");
        matchingRow(
                "… p50",
                ms(es.atHalf().latency().p50()),
                ls == null ? null : ms(ls.atHalf().latency().p50()),
                es.atHalf().latency().p50(),
                ls == null ? Double.NaN : ls.atHalf().latency().p50(),
                "");
        matchingRow(
                "… p99",
                ms(es.atHalf().latency().p99()),
                ls == null ? null : ms(ls.atHalf().latency().p99()),
                es.atHalf().latency().p99(),
                ls == null ? Double.NaN : ls.atHalf().latency().p99(),
                "≤ 5 ms");
        matchingRow(
                "… max",
                ms(es.atHalf().latency().max()),
                ls == null ? null : ms(ls.atHalf().latency().max()),
                es.atHalf().latency().max(),
                ls == null ? Double.NaN : ls.atHalf().latency().max(),
                "");
        matchingRow(
                "… GC pauses meanwhile: count (full), longest, sum",
                pauses(es.pauses()),
                ls == null ? null : pauses(ls.pauses()),
                Double.NaN,
                Double.NaN,
                "");
        matchingRow(
                "… not answered 200",
                Long.toString(es.atHalf().sent() - es.atHalf().ok()),
                ls == null
                        ? null
                        : Long.toString(ls.atHalf().sent() - ls.atHalf().ok()),
                Double.NaN,
                Double.NaN,
                "");
        matchingRow(
                "RSS under load (highest sampled, every 250 ms)",
                mib(e.peakRssMiB()),
                l == null ? null : mib(l.peakRssMiB()),
                e.peakRssMiB(),
                l == null ? Double.NaN : l.peakRssMiB(),
                "≤ 1 GB");
        matchingRow(
                "heap used / committed after the closed steps",
                mib(e.busy().heapUsedMiB()) + " / " + mib(e.busy().heapCommittedMiB()),
                l == null
                        ? null
                        : mib(l.busy().heapUsedMiB()) + " / " + mib(l.busy().heapCommittedMiB()),
                e.busy().heapCommittedMiB(),
                l == null ? Double.NaN : l.busy().heapCommittedMiB(),
                "");
        md.append("\n");
        if (l != null && l.atBaselineRate() != null) {
            CheckLoad.Open same = l.atBaselineRate();
            md.append(String.format(
                    Locale.ROOT,
                    "The loaded bank at the baseline's open rate too (%s): p50 %s (%s), p99 %s (%s), max %s, %d of %d "
                            + "answered 200.%n%n",
                    openRate(same),
                    ms(same.latency().p50()),
                    times(same.latency().p50(), e.atHalf().latency().p50()),
                    ms(same.latency().p99()),
                    times(same.latency().p99(), e.atHalf().latency().p99()),
                    ms(same.latency().max()),
                    same.ok(),
                    same.sent()));
        }
        md.append("Closed steps (each ")
                .append(s.matchingClosedSeconds())
                .append(" s; times of the batches, client side):\n\n");
        md.append("| users | empty: lookups/s | p50 | p99 | failed | ")
                .append(l == null ? "loaded" : "loaded")
                .append(": lookups/s | p50 | p99 | failed |\n|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < e.closed().size(); i++) {
            CheckLoad.Closed a = e.closed().get(i);
            CheckLoad.Closed b =
                    l == null || i >= l.closed().size() ? null : l.closed().get(i);
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %,.0f | %s | %s | %d | %s | %s | %s | %s |%n",
                    a.users(),
                    a.lookupsPerSecond(),
                    ms(a.latency().p50()),
                    ms(a.latency().p99()),
                    a.failed(),
                    b == null ? "–" : String.format(Locale.ROOT, "%,.0f", b.lookupsPerSecond()),
                    b == null ? "–" : ms(b.latency().p50()),
                    b == null ? "–" : ms(b.latency().p99()),
                    b == null ? "–" : Long.toString(b.failed())));
        }
        md.append("\nWarm-up rounds (lookups/s): empty ")
                .append(String.join(
                        ", ",
                        e.warmup().stream().map(w -> f(w.lookupsPerSecond())).toList()));
        if (l != null) {
            md.append("; loaded ")
                    .append(String.join(
                            ", ",
                            l.warmup().stream()
                                    .map(w -> f(w.lookupsPerSecond()))
                                    .toList()));
        }
        md.append(".\n\n");
    }

    private void matchingRow(String what, String empty, String loaded, double a, double b, String goal) {
        md.append("| ")
                .append(what)
                .append(" | ")
                .append(empty)
                .append(" | ")
                .append(loaded == null ? "–" : loaded)
                .append(" | ")
                .append(Double.isNaN(a) || Double.isNaN(b) ? "" : times(b, a))
                .append(" | ")
                .append(goal)
                .append(" |\n");
    }

    private static String lookups(CheckLoad.Closed c) {
        return String.format(
                Locale.ROOT,
                "**%,.0f /s** (%d users, %s batches/s, p99 %s)",
                c.lookupsPerSecond(),
                c.users(),
                f(c.batchesPerSecond()),
                ms(c.latency().p99()));
    }

    private static String pauses(MatchingPhase.Pauses p) {
        return String.format(
                Locale.ROOT, "%d (%d), %s, %s", p.count(), p.full(), ms(p.maxMillis()), ms(p.totalMillis()));
    }

    private static String openRate(CheckLoad.Open o) {
        return String.format(
                Locale.ROOT,
                "%s batches/s = %,.0f lookups/s for %.0f s",
                f(o.rate()),
                o.lookupsPerSecond(),
                o.seconds());
    }

    private static String mb(double bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
    }

    /** {@code value} as a multiple of {@code baseline}, two decimals. */
    private static String times(double value, double baseline) {
        return baseline > 0 && !Double.isNaN(value)
                ? String.format(Locale.ROOT, value / baseline >= 100 ? "%,.0f×" : "%.2f×", value / baseline)
                : "–";
    }

    private String settingsLine() {
        return String.format(
                Locale.ROOT,
                "pgbench %d×%d s at %d clients; warm-up ≥ %d s in %d s rounds (≤ %d s); closed %s users × %d s; open %d s; %d users (open at C/2: %d s); "
                        + "pipeline %d items at %.0f/s after %d warm-up items (then %d at %.0f/s); directory %d lookups of each kind after %d; queue %,d reports / %,d cases at %.0f req/s × %d s; export %,d decisions; idle %d s",
                s.pgbenchRuns(),
                s.pgbenchSeconds(),
                s.pgbenchClients(),
                s.warmupSeconds(),
                s.warmupRoundSeconds(),
                s.warmupMaxSeconds(),
                s.concurrency(),
                s.closedSeconds(),
                s.openSeconds(),
                s.users(),
                s.openHalfCSeconds(),
                s.pipelineItems(),
                s.pipelineRate(),
                s.pipelineWarmupItems(),
                s.pipelineOverloadItems(),
                s.pipelineOverloadRate(),
                s.directoryLookups(),
                s.directoryWarmup(),
                s.queueReports(),
                s.queueCases(),
                s.queueRate(),
                s.queueSeconds(),
                s.exportDecisions(),
                s.idleSeconds());
    }

    private static String row(String number, String measure, String measured, String goal, boolean met) {
        return "| " + number + " | " + measure + " | " + measured + " | " + goal + " | " + (met ? "yes" : "**no**")
                + " |\n";
    }

    private static String openRow(String rate, GatlingRun.Result endpoint, Percentiles db) {
        return String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s | %d | %s | %s |%n",
                rate,
                ms(endpoint.p50()),
                ms(endpoint.p99()),
                ms(endpoint.max()),
                f(endpoint.okPerSecond()),
                endpoint.ko(),
                ms(db.p50()),
                ms(db.p99()));
    }

    private static String queueRow(String request, GatlingRun.Result res) {
        return String.format(
                Locale.ROOT,
                "| %s | %d | %s | %s | %s | %s | %d | ≤ 50 ms |%n",
                request,
                res.ok(),
                ms(res.p50()),
                ms(res.p95()),
                ms(res.p99()),
                ms(res.max()),
                res.ko());
    }

    /** The services inherit the bench's environment: the limit they ran with, without copying the kit's default here. */
    private static String inFlightLimit() {
        String set = System.getenv("KIT_HTTP_MAX_IN_FLIGHT");
        return set == null ? "service-kit's default" : set + ", from `KIT_HTTP_MAX_IN_FLIGHT`";
    }

    private static String failures(GatlingRun.Result res) {
        return res.ko() == 0
                ? "none failed"
                : String.format(Locale.ROOT, "%,d of %,d failed", res.ko(), res.ok() + res.ko());
    }

    static String f(double value) {
        return Svg.format(value);
    }

    static String ms(double value) {
        return Svg.format(value) + " ms";
    }

    static String mib(double value) {
        return Svg.format(value) + " MiB";
    }
}
