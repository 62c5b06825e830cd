package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.Log.log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modhub.moderation.devstack.PostgresServer;
import org.modhub.moderation.devstack.internal.ChildProcesses;
import org.modhub.moderation.devstack.launcher.LocalSuite;

/**
 * 8. The upload check (issue 25): {@code POST /api/v1/uploads/check} as the hub calls it, batches of {@code
 * bench.matching.batch} hashes (mostly misses, {@code bench.matching.hits} of them banked), with the bank empty (the
 * baseline) and then with {@code bench.matching.hashes} hashes seeded by {@code matching-service/bench/seed-bank.sql}.
 * Each round: the service restarted (spawn to ready, which waits for the bank), its memory idle, a warm-up, closed
 * steps of concurrency (the best is the saturation rate; a hash in a batch is one lookup), then the open model at half
 * of it. The load comes from this JVM ({@link CheckLoad}).
 */
final class MatchingPhase {

    static final String SERVICE = "matching";

    /** Resident memory from /proc; the heap as {@code jcmd GC.heap_info} reports it (used, committed), MiB. */
    record Memory(double rssMiB, double heapUsedMiB, double heapCommittedMiB) {}

    /**
     * One round against one bank.
     *
     * @param entries hashes in the bank as the service reports them ({@code GET /api/v1/bank/stats})
     * @param indexBytes what its index says the arrays take
     * @param loadMillis the service's own "Hash bank loaded … in N ms" (reading PostgreSQL and sorting), or NaN
     * @param idle after the start and some seconds without requests, the heap after a full GC (live data)
     * @param matchedPerBatch files the service answered with a match in one probe batch
     * @param closed the closed steps after the warm-up; {@code best} the one with the most lookups a second
     * @param atHalf open model at half the best rate
     * @param atBaselineRate open model at the empty bank's {@code atHalf} rate, when the two differ by over 10 %
     * @param pausesAtHalf the service's GC pauses during {@code atHalf}
     * @param busy right after the closed steps (heap not collected)
     * @param peakRssMiB highest RSS sampled (every 250 ms) during the round's load
     */
    record Round(
            String bank,
            long entries,
            long indexBytes,
            Stack.Start start,
            double loadMillis,
            Memory idle,
            int matchedPerBatch,
            List<CheckLoad.Closed> warmup,
            List<CheckLoad.Closed> closed,
            CheckLoad.Closed best,
            CheckLoad.Open atHalf,
            CheckLoad.Open atBaselineRate,
            Pauses pausesAtHalf,
            Memory busy,
            double peakRssMiB,
            Small small) {}

    /** Batches of a size an ordinary large upload has: the closed steps, the best, the open model at half of it. */
    static final int SMALL_BATCH = 100;

    /**
     * The same round's measurement with batches of {@link #SMALL_BATCH} hashes (after the 1,000-hash one): warm-up,
     * closed steps, the open model at half the best and the service's GC pauses meanwhile.
     */
    record Small(
            int batch, List<CheckLoad.Closed> closed, CheckLoad.Closed best, CheckLoad.Open atHalf, Pauses pauses) {}

    /**
     * @param bodyBytes bytes of one request body
     * @param seeded hashes the seed script inserted
     * @param seedSeconds how long it took
     * @param javaOptions the service's JVM options in this run
     * @param loaded null until measured
     */
    record Result(
            int batch,
            int hits,
            int bodyBytes,
            long seeded,
            double seedSeconds,
            String javaOptions,
            Round empty,
            Round loaded) {}

    private static final Pattern LOADED =
            Pattern.compile("Hash bank loaded: (\\d+) entries of (\\d+) sources in (\\d+) ms");
    /** {@code GC.heap_info}'s lines of whole generations (not indented), e.g. {@code DefNew     total 4928K, used 850K}. */
    private static final Pattern HEAP = Pattern.compile("(?m)^\\S.*?\\s+total (\\d+)K, used (\\d+)K");

    private static final Pattern PAUSE = Pattern.compile("Pause (Young|Full).* ([0-9.]+)ms");

    /** The service's GC pauses ({@code -Xlog:gc}) during a run: how many, how many full, the longest and all together, ms. */
    record Pauses(int count, int full, double maxMillis, double totalMillis) {}

    private static final Pattern STATS_HASHES = Pattern.compile("\"hashes\"\\s*:\\s*(\\d+)");
    private static final Pattern STATS_BYTES = Pattern.compile("\"memoryBytes\"\\s*:\\s*(\\d+)");

    private final Settings settings;
    private final Stack stack;
    private final Path repo;
    private final Path work;
    private final Results r;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    MatchingPhase(Settings settings, Stack stack, Path repo, Path work, Results r) {
        this.settings = settings;
        this.stack = stack;
        this.repo = repo;
        this.work = work;
        this.r = r;
    }

    void run() throws Exception {
        String javaOptions = LocalSuite.serviceJavaOptions(SERVICE, System.getenv());
        if (bankedHashes() > 0) {
            throw new IllegalStateException("the matching bank is not empty; the baseline needs an empty bank");
        }
        String hubToken = stack.dev().tokens().mint("bench-hub", List.of("hub"), Duration.ofHours(3));
        int bodyBytes = load(hubToken).bodyBytes();

        log("Upload check, empty bank (baseline): restarting matching-service...");
        Round empty = round("empty", "matching-empty", hubToken, 0, null);
        r.matching = new Result(
                settings.matchingBatch(), settings.matchingHits(), bodyBytes, 0, Double.NaN, javaOptions, empty, null);

        long n = settings.matchingHashes();
        log("Seeding %,d hashes (matching-service stopped)...", n);
        stack.stopService(SERVICE);
        double seedSeconds = seed(n);
        log("  seeded in %.1f s", seedSeconds);
        Round loaded = round(
                String.format(java.util.Locale.ROOT, "%,d hashes", n), "matching-loaded", hubToken, n, empty.atHalf());
        r.matching = new Result(
                settings.matchingBatch(),
                settings.matchingHits(),
                bodyBytes,
                n,
                seedSeconds,
                javaOptions,
                empty,
                loaded);
    }

    /**
     * The same bodies in both rounds: with the bank empty the "hits" are hashes nothing banked yet, answered ACCEPT.
     */
    private CheckLoad load(String token) {
        return CheckLoad.of(
                stack.url(SERVICE),
                token,
                settings.matchingBatch(),
                settings.matchingHits(),
                settings.matchingHashes(),
                32,
                25);
    }

    private Round round(String bank, String phase, String hubToken, long banked, CheckLoad.Open baseline)
            throws Exception {
        stack.phase(phase + "-start");
        stack.stopService(SERVICE);
        // The start is timed on a machine at rest: not right after the pipeline check, the seeding or its checkpoint.
        Stack.sleep(settings.idleSeconds() * 1000L);
        // The launcher's options and the GC's pauses in a log of their own, to tell them from other stalls.
        Path gcLog = work.resolve("logs/matching-gc-" + phase + ".log");
        Files.deleteIfExists(gcLog);
        Stack.Start start = stack.startService(
                SERVICE, LocalSuite.serviceJavaOptions(SERVICE, System.getenv()) + " -Xlog:gc:file=" + gcLog);
        double loadMillis = loadMillis();
        log(
                "  ready in %.0f ms (Quarkus: started in %.0f ms; bank loaded in %.0f ms)",
                start.readyMillis(), start.quarkusMillis(), loadMillis);
        long entries = bankedHashes();
        long indexBytes = indexBytes();
        if (entries < banked) {
            throw new IllegalStateException("matching-service holds " + entries + " hashes, not " + banked);
        }
        Stack.sleep(settings.idleSeconds() * 1000L);
        double rss = stack.rssMiB(SERVICE);
        double[] heap = heap(true);
        Memory idle = new Memory(rss, heap[0], heap[1]);
        log(
                "  %,d hashes (%,d bytes of index); idle RSS %.0f MiB, heap after a full GC %.0f MiB (committed %.0f MiB)",
                entries, indexBytes, rss, heap[0], heap[1]);

        CheckLoad load = load(hubToken);
        HttpResponse<String> probe = load.probe();
        if (probe.statusCode() != 200) {
            throw new IllegalStateException("the upload check answered " + probe.statusCode() + ": " + probe.body());
        }
        int matched = count(probe.body(), "\"match\":{");
        int expected = banked == 0 ? 0 : settings.matchingHits();
        log(
                "  probe: %d of %d files matched (%d bytes asked, %d answered)",
                matched,
                settings.matchingBatch(),
                load.bodyBytes(),
                probe.body().length());
        if (matched != expected) {
            throw new IllegalStateException("a probe batch matched " + matched + " files, not " + expected);
        }

        stack.phase(phase);
        int top = settings.matchingConcurrency().stream()
                .mapToInt(Integer::intValue)
                .max()
                .orElse(8);
        List<CheckLoad.Closed> warmup = new ArrayList<>();
        int warmed = 0;
        while (warmed < settings.matchingWarmupSeconds()) {
            int seconds = Math.min(10, settings.matchingWarmupSeconds() - warmed);
            CheckLoad.Closed w = load.closed(top, seconds);
            warmup.add(w);
            warmed += seconds;
            log("  warm-up %d users: %.0f lookups/s", top, w.lookupsPerSecond());
        }
        List<CheckLoad.Closed> closed = new ArrayList<>();
        CheckLoad.Closed best = null;
        for (int users : settings.matchingConcurrency()) {
            CheckLoad.Closed c = load.closed(users, settings.matchingClosedSeconds());
            closed.add(c);
            log(
                    "  closed %2d users: %,.0f lookups/s (%.1f batches/s), p50 %.2f ms, p99 %.2f ms, failed %d",
                    users,
                    c.lookupsPerSecond(),
                    c.batchesPerSecond(),
                    c.latency().p50(),
                    c.latency().p99(),
                    c.failed());
            if (c.failed() == 0 && (best == null || c.lookupsPerSecond() > best.lookupsPerSecond())) {
                best = c;
            }
        }
        if (best == null) {
            throw new IllegalStateException("every closed step had failures");
        }
        double[] busyHeap = heap(false);
        Memory busy = new Memory(stack.rssMiB(SERVICE), busyHeap[0], busyHeap[1]);
        double half = best.batchesPerSecond() / 2;
        log("  open at half the best, %.1f batches/s for %d s...", half, settings.matchingOpenSeconds());
        long gcFrom = Files.size(gcLog);
        CheckLoad.Open open = load.open(half, settings.matchingOpenSeconds());
        Pauses pauses = pauses(gcLog, gcFrom);
        log(
                "    p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d of %d answered 200; GC %s",
                open.latency().p50(), open.latency().p99(), open.latency().max(), open.ok(), open.sent(), pauses);
        CheckLoad.Open sameRate = null;
        if (baseline != null && Math.abs(half - baseline.rate()) > 0.1 * baseline.rate()) {
            log(
                    "  open at the baseline's rate, %.1f batches/s for %d s...",
                    baseline.rate(), settings.matchingOpenSeconds());
            sameRate = load.open(baseline.rate(), settings.matchingOpenSeconds());
            log(
                    "    p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d of %d answered 200",
                    sameRate.latency().p50(),
                    sameRate.latency().p99(),
                    sameRate.latency().max(),
                    sameRate.ok(),
                    sameRate.sent());
        }
        Small small = small(hubToken, top, gcLog);
        double peak = stack.peakRssMiB(phase).getOrDefault(SERVICE, Double.NaN);
        log(
                "  RSS under load: peak %.0f MiB; heap after the closed steps %.0f MiB used of %.0f MiB committed",
                peak, busy.heapUsedMiB(), busy.heapCommittedMiB());
        return new Round(
                bank,
                entries,
                indexBytes,
                start,
                loadMillis,
                idle,
                matched,
                warmup,
                closed,
                best,
                open,
                sameRate,
                pauses,
                busy,
                peak,
                small);
    }

    /** Batches of {@link #SMALL_BATCH}: 10 s of warm-up, the closed steps, the open model at half the best. */
    private Small small(String hubToken, int top, Path gcLog) throws Exception {
        CheckLoad load = CheckLoad.of(
                stack.url(SERVICE), hubToken, SMALL_BATCH, settings.matchingHits(), settings.matchingHashes(), 32, 26);
        log(
                "  batches of %d: warm-up %d users, %.0f lookups/s",
                SMALL_BATCH, top, load.closed(top, 10).lookupsPerSecond());
        List<CheckLoad.Closed> closed = new ArrayList<>();
        CheckLoad.Closed best = null;
        for (int users : settings.matchingConcurrency()) {
            CheckLoad.Closed c = load.closed(users, settings.matchingClosedSeconds());
            closed.add(c);
            log(
                    "  batches of %d, closed %2d users: %,.0f lookups/s, p50 %.2f ms, p99 %.2f ms, failed %d",
                    SMALL_BATCH,
                    users,
                    c.lookupsPerSecond(),
                    c.latency().p50(),
                    c.latency().p99(),
                    c.failed());
            if (c.failed() == 0 && (best == null || c.lookupsPerSecond() > best.lookupsPerSecond())) {
                best = c;
            }
        }
        if (best == null) {
            throw new IllegalStateException("every closed step of small batches had failures");
        }
        double half = best.batchesPerSecond() / 2;
        long gcFrom = Files.size(gcLog);
        CheckLoad.Open open = load.open(half, settings.matchingOpenSeconds());
        Pauses pauses = pauses(gcLog, gcFrom);
        log(
                "  batches of %d, open at %.1f batches/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d of %d answered 200;"
                        + " GC %s",
                SMALL_BATCH,
                half,
                open.latency().p50(),
                open.latency().p99(),
                open.latency().max(),
                open.ok(),
                open.sent(),
                pauses);
        return new Small(SMALL_BATCH, closed, best, open, pauses);
    }

    /** Runs the seed script with psql (from PATH, like pgbench) on the matching database; seconds it took. */
    private double seed(long n) throws IOException, InterruptedException {
        PostgresServer pg = stack.dev().postgres();
        Path script = repo.resolve("matching-service/bench/seed-bank.sql");
        Path out = work.resolve("seed-bank.out");
        List<String> command = List.of(
                "psql",
                "-h",
                pg.host(),
                "-p",
                Integer.toString(pg.port()),
                "-U",
                pg.username(),
                "-d",
                SERVICE,
                "-X",
                "-q",
                "-v",
                "n=" + n,
                "-f",
                script.toString());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("PGPASSWORD", pg.password());
        long t0 = System.nanoTime();
        int exit = builder.start().waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException("psql exited with " + exit + ":\n" + Files.readString(out));
        }
        // Written out now rather than by a checkpoint during the start that is measured next.
        try (var db = stack.db(SERVICE);
                var sql = db.createStatement()) {
            sql.execute("CHECKPOINT");
        } catch (java.sql.SQLException e) {
            log("  (no CHECKPOINT: %s)", e.getMessage());
        }
        return seconds;
    }

    /** The pauses logged after {@code offset}. */
    private static Pauses pauses(Path gcLog, long offset) throws IOException {
        String text = Files.readString(gcLog);
        Matcher m = PAUSE.matcher(text.substring((int) Math.min(offset, text.length())));
        int count = 0;
        int full = 0;
        double max = 0;
        double total = 0;
        while (m.find()) {
            double ms = Double.parseDouble(m.group(2));
            count++;
            full += m.group(1).equals("Full") ? 1 : 0;
            max = Math.max(max, ms);
            total += ms;
        }
        return new Pauses(count, full, max, total);
    }

    /** The last "Hash bank loaded … in N ms" of the service's log. */
    private double loadMillis() {
        try {
            Matcher m = LOADED.matcher(Files.readString(stack.service(SERVICE).log()));
            double last = Double.NaN;
            while (m.find()) {
                last = Double.parseDouble(m.group(3));
            }
            return last;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hashes the bank holds, from the service if it runs, else from its database. */
    private long bankedHashes() throws Exception {
        if (stack.service(SERVICE) != null) {
            Matcher m = STATS_HASHES.matcher(stats());
            if (m.find()) {
                return Long.parseLong(m.group(1));
            }
        }
        return Long.parseLong(Queries.single(stack, SERVICE, "SELECT coalesce(sum(hashes), 0) FROM bank_source"));
    }

    private long indexBytes() throws Exception {
        Matcher m = STATS_BYTES.matcher(stats());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private String stats() throws Exception {
        String auditor = stack.dev().tokens().mint("bench-auditor", List.of("auditor"), Duration.ofMinutes(5));
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url(SERVICE) + "/api/v1/bank/stats"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + auditor)
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/api/v1/bank/stats answered " + response.statusCode());
        }
        return response.body();
    }

    /** Heap used and committed (MiB) from {@code jcmd GC.heap_info}, after {@code GC.run} if {@code collect}. */
    private double[] heap(boolean collect) {
        long pid = stack.service(SERVICE).process().pid();
        if (collect) {
            jcmd(pid, "GC.run");
        }
        Matcher m = HEAP.matcher(jcmd(pid, "GC.heap_info"));
        double used = 0;
        double committed = 0;
        boolean any = false;
        while (m.find()) {
            committed += Long.parseLong(m.group(1)) / 1024.0;
            used += Long.parseLong(m.group(2)) / 1024.0;
            any = true;
        }
        return any ? new double[] {used, committed} : new double[] {Double.NaN, Double.NaN};
    }

    private static String jcmd(long pid, String command) {
        String jcmd =
                Path.of(ChildProcesses.javaExecutable()).resolveSibling("jcmd").toString();
        try {
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }
}
