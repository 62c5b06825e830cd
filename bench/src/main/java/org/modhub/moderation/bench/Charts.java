package org.modhub.moderation.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modhub.moderation.devstack.DevStackDefaults;

/** The SVG plots beside {@code summary.md}, for the parts that ran. */
final class Charts {

    private final Results r;

    Charts(Results r) {
        this.r = r;
    }

    /** File name to SVG, in the order the summary shows them. */
    Map<String, String> all() {
        Map<String, String> charts = new LinkedHashMap<>();
        if (r.hasIntake()) {
            charts.put("intake.svg", intake());
            charts.put("latency.svg", latency());
        }
        if (r.hasPipeline()) {
            charts.put("pipeline.svg", pipeline());
        }
        if (r.hasFootprint()) {
            charts.put("start.svg", start());
            charts.put("memory.svg", memory());
        }
        return charts;
    }

    private String intake() {
        List<Svg.Bar> bars = new ArrayList<>();
        bars.add(new Svg.Bar("pgbench C (median of " + r.pgbenchTps.size() + ")", r.ceiling, 0));
        r.closed.forEach(
                (users, res) -> bars.add(new Svg.Bar("POST /reports, " + users + " users", res.okPerSecond(), 1)));
        if (r.alone != null) {
            bars.add(new Svg.Bar("… " + r.aloneUsers + " users, reporting alone", r.alone.okPerSecond(), 2));
        }
        return Svg.bars(
                "Intake throughput per second: endpoint (T) vs database ceiling (C)",
                "/s",
                bars,
                0.7 * r.ceiling,
                "goal 0.7 C",
                List.of("database (pgbench)", "endpoint (Gatling, closed)", "nothing downstream"));
    }

    private String latency() {
        List<Svg.Bar> bars = new ArrayList<>();
        if (r.openHalfC != null) {
            bars.add(new Svg.Bar("endpoint p50 at C/2", r.openHalfC.p50(), 1));
            bars.add(new Svg.Bar("endpoint p99 at C/2", r.openHalfC.p99(), 1));
            bars.add(new Svg.Bar("database p50 at C/2", r.dbAtHalfC.p50(), 0));
            bars.add(new Svg.Bar("database p99 at C/2", r.dbAtHalfC.p99(), 0));
        }
        if (r.openHalfT != null) {
            bars.add(new Svg.Bar("endpoint p50 at T/2", r.openHalfT.p50(), 1));
            bars.add(new Svg.Bar("endpoint p99 at T/2", r.openHalfT.p99(), 1));
            bars.add(new Svg.Bar("database p50 at T/2", r.dbAtHalfT.p50(), 0));
            bars.add(new Svg.Bar("database p99 at T/2", r.dbAtHalfT.p99(), 0));
        }
        if (r.queuePage != null) {
            bars.add(new Svg.Bar("queue page p99", r.queuePage.p99(), 2));
            bars.add(new Svg.Bar("case detail p99", r.caseDetail.p99(), 2));
        }
        return Svg.bars(
                "Latency (ms), open model", "ms", bars, 50.0, "50 ms", List.of("database", "POST /reports", "queue"));
    }

    private String pipeline() {
        Pipeline.Result p = r.pipeline;
        return Svg.bars(
                "Pipeline latency (ms)",
                "ms",
                List.of(
                        new Svg.Bar("report → queue p50", p.reportToQueue().p50(), 0),
                        new Svg.Bar("report → queue p99", p.reportToQueue().p99(), 1),
                        new Svg.Bar("decision → mail p50", p.decisionToMail().p50(), 0),
                        new Svg.Bar("decision → mail p99", p.decisionToMail().p99(), 1)),
                1000.0,
                "1 s",
                List.of("p50", "p99"));
    }

    private String start() {
        List<Svg.Bar> bars = new ArrayList<>();
        for (String service : DevStackDefaults.SERVICES) {
            Stack.Start cold = Results.startOf(r.coldStarts, service);
            Stack.Start warm = Results.startOf(r.warmStarts, service);
            if (cold != null) {
                bars.add(new Svg.Bar(service + " (first start)", cold.readyMillis(), 0));
            }
            if (warm != null) {
                bars.add(new Svg.Bar(service + " (restart)", warm.readyMillis(), 1));
            }
            Stack.Start cached = Results.startOf(r.aotStarts, service);
            if (cached != null) {
                bars.add(new Svg.Bar(service + " (restart, AOT cache)", cached.readyMillis(), 2));
            }
        }
        return Svg.bars(
                "Start to ready (ms)",
                "ms",
                bars,
                2000.0,
                "2 s",
                List.of("first start (migrations)", "restart", "restart, AOT cache"));
    }

    private String memory() {
        List<Svg.Bar> bars = new ArrayList<>();
        for (String service : DevStackDefaults.SERVICES) {
            bars.add(new Svg.Bar(service + " idle", r.idleRss.getOrDefault(service, Double.NaN), 0));
            bars.add(new Svg.Bar(service + " under load", r.loadRss.getOrDefault(service, Double.NaN), 1));
            if (!r.aotIdleRss.isEmpty()) {
                bars.add(new Svg.Bar(service + " idle, AOT cache", r.aotIdleRss.getOrDefault(service, Double.NaN), 3));
            }
        }
        if (r.export != null) {
            bars.add(new Svg.Bar("review, export peak", r.export.rssPeakMiB(), 2));
        }
        return Svg.bars(
                "Resident memory (MiB)",
                "MiB",
                bars,
                200.0,
                "200 MB",
                List.of("idle", "under load", "export", "idle, AOT cache"));
    }
}
