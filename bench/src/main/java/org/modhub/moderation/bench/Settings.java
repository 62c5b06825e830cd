package org.modhub.moderation.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What a run measures and how long: {@code bin/bench} passes {@code -Dbench.quick=true} for the
 * short smoke run; every figure can be set with {@code -Dbench.<name>=...} (BENCH_OPTS).
 */
record Settings(
        boolean quick,
        List<String> only,
        int pgbenchClients,
        int pgbenchSeconds,
        int pgbenchRuns,
        int warmupSeconds,
        int warmupRoundSeconds,
        int warmupMaxSeconds,
        List<Integer> concurrency,
        int closedSeconds,
        int openSeconds,
        int openHalfCSeconds,
        int users,
        int pipelineItems,
        double pipelineRate,
        int pipelineWarmupItems,
        double pipelineOverloadRate,
        int pipelineOverloadItems,
        int queueReports,
        int queueCases,
        double queueRate,
        int queueSeconds,
        int queueWarmupSeconds,
        int exportDecisions,
        int idleSeconds,
        int hopRecords,
        int hopMails,
        int directoryLookups,
        int directoryWarmup,
        long matchingHashes,
        int matchingBatch,
        int matchingHits,
        List<Integer> matchingConcurrency,
        int matchingWarmupSeconds,
        int matchingClosedSeconds,
        int matchingOpenSeconds,
        String aotJavaOpts) {

    /** Every part a full run measures. */
    static final List<String> PARTS =
            List.of("intake", "pipeline", "directory", "queue", "console", "export", "footprint", "matching");

    static Settings fromSystemProperties() {
        boolean quick = Boolean.getBoolean("bench.quick");
        return new Settings(
                quick,
                Arrays.stream(System.getProperty("bench.only", String.join(",", PARTS))
                                .split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .toList(),
                integer("bench.pgbench.clients", 16),
                integer("bench.pgbench.seconds", quick ? 5 : 15),
                integer("bench.pgbench.runs", 3),
                integer("bench.warmup.seconds", quick ? 10 : 60),
                integer("bench.warmup.round.seconds", quick ? 5 : 30),
                integer("bench.warmup.max.seconds", quick ? 10 : 600),
                integers("bench.concurrency", "16,32,64"),
                integer("bench.closed.seconds", quick ? 8 : 20),
                integer("bench.open.seconds", quick ? 8 : 20),
                integer("bench.open.halfc.seconds", quick ? 5 : 10),
                integer("bench.users", quick ? 2000 : 5000),
                integer("bench.pipeline.items", quick ? 60 : 1000),
                number("bench.pipeline.rate", 10),
                integer("bench.pipeline.warmup.items", quick ? 20 : 300),
                number("bench.pipeline.overload.rate", 25),
                integer("bench.pipeline.overload.items", quick ? 20 : 500),
                integer("bench.queue.reports", quick ? 20_000 : 1_000_000),
                integer("bench.queue.cases", quick ? 2_000 : 100_000),
                number("bench.queue.rate", 20),
                integer("bench.queue.seconds", quick ? 8 : 20),
                integer("bench.queue.warmup.seconds", quick ? 3 : 15),
                integer("bench.export.decisions", quick ? 20_000 : 1_000_000),
                integer("bench.idle.seconds", quick ? 10 : 30),
                integer("bench.hops.records", quick ? 50 : 200),
                integer("bench.hops.mails", quick ? 30 : 100),
                integer("bench.directory.lookups", quick ? 50 : 300),
                integer("bench.directory.warmup", quick ? 50 : 300),
                Long.parseLong(System.getProperty("bench.matching.hashes", quick ? "1000000" : "10000000")
                        .replace("_", "")),
                integer("bench.matching.batch", 1000),
                integer("bench.matching.hits", 3),
                integers("bench.matching.concurrency", "1,2,4,8,16"),
                integer("bench.matching.warmup.seconds", quick ? 5 : 30),
                integer("bench.matching.closed.seconds", quick ? 5 : 15),
                integer("bench.matching.open.seconds", quick ? 5 : 20),
                System.getProperty("bench.aot.java.opts", Stack.SERVICE_JAVA_OPTS));
    }

    boolean runs(String part) {
        return only.contains(part);
    }

    private static List<Integer> integers(String key, String fallback) {
        return Arrays.stream(System.getProperty(key, fallback).split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
    }

    private static int integer(String key, int fallback) {
        return Integer.parseInt(
                System.getProperty(key, Integer.toString(fallback)).replace("_", ""));
    }

    private static double number(String key, double fallback) {
        return Double.parseDouble(System.getProperty(key, Double.toString(fallback)));
    }
}
