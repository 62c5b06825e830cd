package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.Log.log;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.modhub.moderation.devstack.DevStackDefaults;

/**
 * 2. Pipeline latency: reports filed and decided at a steady rate (after a warm-up round), the CPU
 * each part of the suite used for it, the warm suite's idle CPU, and a round beyond capacity.
 */
final class PipelinePhase {

    private final Settings settings;
    private final Stack stack;
    private final Backlog backlog;
    private final Results r;

    PipelinePhase(Settings settings, Stack stack, Backlog backlog, Results r) {
        this.settings = settings;
        this.stack = stack;
        this.backlog = backlog;
        this.r = r;
    }

    /** Measures when the pipeline part runs; otherwise only five items go through, as a check that the suite works. */
    void run() throws Exception {
        int items = settings.runs("pipeline") ? settings.pipelineItems() : 5;
        if (settings.runs("pipeline") && settings.pipelineWarmupItems() > 0) {
            // The same path once, unmeasured: the figures are of warm JVMs (JIT compilation took about
            // 40 % of review-service's CPU in a cold pipeline run), as with the intake's warm-up.
            int warmup = settings.pipelineWarmupItems();
            // Again while a round had failed requests, at most three: on JVMs just started the hub stand-in's answers
            // can take seconds, the services' hub breaker opens and the round's items fail at once, warming nothing.
            for (int round = 1; ; round++) {
                log(
                        "Pipeline warm-up (round %d): %d reports, then %d decisions, at %.0f/s...",
                        round, warmup, warmup, settings.pipelineRate());
                Pipeline.Result result = new Pipeline(stack).run(warmup, settings.pipelineRate());
                if (round == 1) {
                    r.pipelineWarmup = result;
                }
                log(
                        "  (warm-up) report -> queue %s (relayed %s, then consumed %s); decision -> mail %s; "
                                + "%d failed requests",
                        result.reportToQueue(),
                        result.reportToRelayed(),
                        result.relayedToQueue(),
                        result.decisionToMail(),
                        result.failures());
                backlog.drain();
                if (result.failures() == 0 || round == 3) {
                    break;
                }
            }
        }
        log("Pipeline: %d reports, then %d decisions, at %.0f/s...", items, items, settings.pipelineRate());
        Map<String, Long> cpuBefore = stack.cpuTicksByPart();
        long[] machineBefore = Stack.machineTicks();
        long started = System.nanoTime();
        r.pipeline = new Pipeline(stack).run(items, settings.pipelineRate());
        r.pipelineSeconds = (System.nanoTime() - started) / 1e9;
        long[] machineAfter = Stack.machineTicks();
        stack.cpuTicksByPart()
                .forEach((part, ticks) -> r.pipelineCpu.put(
                        part, (ticks - cpuBefore.getOrDefault(part, 0L)) / 100.0)); // clock ticks are 1/100 s
        r.pipelineMachineBusy = (machineAfter[0] - machineBefore[0]) / 100.0;
        r.pipelineMachineTotal = (machineAfter[1] - machineBefore[1]) / 100.0;
        log(
                "  CPU seconds by part over %.0f s: %s; machine busy %.0f of %.0f CPU s",
                r.pipelineSeconds, r.pipelineCpu, r.pipelineMachineBusy, r.pipelineMachineTotal);
        log(
                "  report -> queue %s (relayed %s, then consumed %s); decision -> mail %s (queued %s, then sent %s)",
                r.pipeline.reportToQueue(),
                r.pipeline.reportToRelayed(),
                r.pipeline.relayedToQueue(),
                r.pipeline.decisionToMail(),
                r.pipeline.decisionToQueued(),
                r.pipeline.queuedToSent());
        r.pipelineMeasured = settings.runs("pipeline");
        if (r.pipelineMeasured) {
            hops();
            idleCpu();
            if (settings.pipelineOverloadItems() > 0) {
                // Context: the same path at a rate whose work exceeds the two cores, so queues grow for as long as it
                // lasts.
                log(
                        "Pipeline beyond capacity: %d reports, then %d decisions, at %.0f/s...",
                        settings.pipelineOverloadItems(),
                        settings.pipelineOverloadItems(),
                        settings.pipelineOverloadRate());
                r.pipelineOverload =
                        new Pipeline(stack).run(settings.pipelineOverloadItems(), settings.pipelineOverloadRate());
                log(
                        "  report -> queue %s; decision -> mail %s",
                        r.pipelineOverload.reportToQueue(), r.pipelineOverload.decisionToMail());
                backlog.drain();
                backlog.drainMail();
            }
        }
    }

    /**
     * The baselines of the two latencies (issue 27): the infrastructure's own hops at the pipeline's rate, from the
     * bench JVM: a Kafka produce → consume round trip, and an SMTP send.
     */
    private void hops() throws Exception {
        log(
                "Baselines: %d Kafka round trips, %d SMTP sends, at %.0f/s...",
                settings.hopRecords(), settings.hopMails(), settings.pipelineRate());
        r.kafkaRoundTrip = Hops.kafkaRoundTrip(stack, settings.hopRecords(), settings.pipelineRate());
        r.smtpSend = Hops.smtpSend(stack, settings.hopMails(), settings.pipelineRate());
        log("  Kafka produce -> consume %s; SMTP send %s", r.kafkaRoundTrip, r.smtpSend);
    }

    /**
     * CPU the warm suite uses doing nothing (after the pipeline drained and its mails went out): each service, the
     * whole machine, and a plain JVM with the services' options ({@link IdleJvm}, the baseline) in the same window;
     * each one's RSS at the window's end.
     */
    private void idleCpu() throws SQLException {
        backlog.drain();
        // And the mail queue: the pipeline's mails may still be going out.
        backlog.drainMail();
        stack.phase("idle-baseline");
        Stack.Start plain = stack.startPlainJvm();
        log("  plain JVM answered in %.0f ms", plain.readyMillis());
        Stack.sleep(10_000);
        Map<String, Long> before = new LinkedHashMap<>();
        DevStackDefaults.SERVICES.forEach(service -> before.put(service, stack.cpuTicks(service)));
        before.put(Stack.PLAIN_JVM, stack.cpuTicks(Stack.PLAIN_JVM));
        long[] machineBefore = Stack.machineTicks();
        long started = System.nanoTime();
        log("Idle CPU: %d s without requests...", settings.idleSeconds());
        Stack.sleep(settings.idleSeconds() * 1000L);
        double seconds = (System.nanoTime() - started) / 1e9;
        for (String service : DevStackDefaults.SERVICES) {
            long after = stack.cpuTicks(service);
            // Clock ticks are 1/100 s on Linux: ticks / (100 × s) is the share of one core, in per cent ticks / s.
            r.idleCpu.put(
                    service,
                    after < 0 || before.get(service) < 0 ? Double.NaN : (after - before.get(service)) / seconds);
        }
        long[] machineAfter = Stack.machineTicks();
        long plainAfter = stack.cpuTicks(Stack.PLAIN_JVM);
        r.plainIdleCpu = plainAfter < 0 || before.get(Stack.PLAIN_JVM) < 0
                ? Double.NaN
                : (plainAfter - before.get(Stack.PLAIN_JVM)) / seconds;
        r.plainIdleRss = stack.rssMiB(Stack.PLAIN_JVM);
        DevStackDefaults.SERVICES.forEach(service -> r.idleRssSettled.put(service, stack.rssMiB(service)));
        stack.stopService(Stack.PLAIN_JVM);
        stack.phase("pipeline");
        r.idleMachineCpu =
                100.0 * (machineAfter[0] - machineBefore[0]) / Math.max(1, machineAfter[1] - machineBefore[1]);
        log("  idle CPU (%% of one core) %s; machine busy %.1f %%", r.idleCpu, r.idleMachineCpu);
        log(
                "  idle RSS %s; plain JVM: CPU %.2f %% of a core, RSS %.0f MiB",
                r.idleRssSettled, r.plainIdleCpu, r.plainIdleRss);
    }
}
