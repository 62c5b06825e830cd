package org.modhub.moderation.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load of the matching part: {@code POST /api/v1/uploads/check} from this JVM with the JDK's {@link HttpClient}
 * (HTTP/1.1, kept-alive connections), not Gatling: the bodies are built once (a thousand hashes each), and the times
 * are kept in microseconds, where Gatling rounds to whole milliseconds against a goal of 5 ms.
 *
 * <p>Closed model: {@code users} threads, each sending its next batch as soon as the last was answered. Open model:
 * batches sent at a fixed rate whatever the answers do, each timed from when it was due to be sent (so a stall of
 * this JVM or of the service counts against the service, as it would for the hub, instead of delaying the schedule).
 */
final class CheckLoad {

    /** A closed run: batches answered 200 and not, over the run's wall time; times of the 200s in ms. */
    record Closed(int users, double seconds, long ok, long failed, int batch, Percentiles latency) {
        double batchesPerSecond() {
            return ok / seconds;
        }

        double lookupsPerSecond() {
            return ok * (double) batch / seconds;
        }
    }

    /** An open run at {@code rate} batches a second: sent, answered 200, failed; times of the 200s in ms. */
    record Open(double rate, double seconds, long sent, long ok, long failed, int batch, Percentiles latency) {
        double lookupsPerSecond() {
            return rate * batch;
        }
    }

    private static final HexFormat HEX = HexFormat.of();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI uri;
    private final String token;
    private final List<byte[]> bodies;
    private final int batch;
    private final AtomicLong next = new AtomicLong();

    private CheckLoad(URI uri, String token, List<byte[]> bodies, int batch) {
        this.uri = uri;
        this.token = token;
        this.bodies = bodies;
        this.batch = batch;
    }

    /**
     * {@code distinct} request bodies of {@code batch} files each, every one of another repository of the same
     * namespace: {@code hits} of the files carry hashes the seed script banks ({@code sha256(int8send(i))}, {@code i <
     * banked}, spread over the batch), the others random 32 bytes (misses).
     */
    static CheckLoad of(String baseUrl, String token, int batch, int hits, long banked, int distinct, long seed) {
        Random random = new Random(seed);
        List<byte[]> bodies = new ArrayList<>();
        for (int b = 0; b < distinct; b++) {
            StringBuilder json = new StringBuilder(batch * 110 + 100);
            json.append("{\"repository\":\"model:bench-uploads/upload-")
                    .append(b)
                    .append("\",\"files\":[");
            int every = hits == 0 ? Integer.MAX_VALUE : Math.max(1, batch / hits);
            int placed = 0;
            for (int f = 0; f < batch; f++) {
                String sha256;
                if (placed < hits && f % every == every / 2) {
                    sha256 = seeded(Math.floorMod(random.nextLong(), banked));
                    placed++;
                } else {
                    byte[] bytes = new byte[32];
                    random.nextBytes(bytes);
                    sha256 = HEX.formatHex(bytes);
                }
                json.append(f == 0 ? "" : ",")
                        .append("{\"path\":\"shards/model-")
                        .append(String.format("%05d", f))
                        .append("-of-")
                        .append(batch)
                        .append(".safetensors\",\"sha256\":\"")
                        .append(sha256)
                        .append("\"}");
            }
            json.append("],\"baseModels\":[]}");
            bodies.add(json.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new CheckLoad(URI.create(baseUrl + "/api/v1/uploads/check"), token, bodies, batch);
    }

    /** The hex sha256 of the number {@code i} as the seed script computes it: {@code sha256(int8send(i))}. */
    static String seeded(long i) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(ByteBuffer.allocate(8).putLong(i).array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int bodyBytes() {
        return bodies.get(0).length;
    }

    /** One request, its answer's body (a check of what the service says). */
    HttpResponse<String> probe() throws Exception {
        return http.send(request(bodies.get(0)), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(byte[] body) {
        return HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
    }

    private byte[] nextBody() {
        return bodies.get((int) (next.getAndIncrement() % bodies.size()));
    }

    /** {@code users} threads sending batches back to back for {@code seconds}. */
    Closed closed(int users, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<double[]> times = new ArrayList<>();
        long[][] counts = new long[users][2];
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int u = 0; u < users; u++) {
            double[][] mine = {new double[1024]};
            long[] count = counts[u];
            threads.add(Thread.ofPlatform().name("check-load-" + u).start(() -> {
                int n = 0;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    boolean ok;
                    try {
                        ok = http.send(request(nextBody()), HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (Exception e) {
                        ok = false;
                    }
                    if (ok) {
                        if (n == mine[0].length) {
                            mine[0] = java.util.Arrays.copyOf(mine[0], 2 * n);
                        }
                        mine[0][n++] = (System.nanoTime() - t0) / 1e6;
                        count[0]++;
                    } else {
                        count[1]++;
                    }
                }
                synchronized (times) {
                    times.add(java.util.Arrays.copyOf(mine[0], n));
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long ok = 0;
        long failed = 0;
        for (long[] c : counts) {
            ok += c[0];
            failed += c[1];
        }
        return new Closed(users, elapsed, ok, failed, batch, Percentiles.of(merge(times)));
    }

    /** {@code rate} batches a second for {@code seconds}, each timed from when it was due. */
    Open open(double rate, int seconds) throws InterruptedException {
        long n = Math.round(rate * seconds);
        double interval = 1e9 / rate;
        double[] times = new double[(int) n];
        java.util.Arrays.fill(times, Double.NaN);
        List<CompletableFuture<?>> pending = new ArrayList<>();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < n; i++) {
            long due = start + Math.round(i * interval);
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            int at = i;
            pending.add(http.sendAsync(request(nextBody()), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (error == null && response.statusCode() == 200) {
                            times[at] = (System.nanoTime() - due) / 1e6;
                        } else {
                            failed.incrementAndGet();
                        }
                    }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // counted above (a timeout: those still open count as neither)
        }
        double[] answered =
                java.util.Arrays.stream(times).filter(t -> !Double.isNaN(t)).toArray();
        return new Open(rate, seconds, n, answered.length, failed.get(), batch, Percentiles.of(answered));
    }

    private static double[] merge(List<double[]> parts) {
        int total = parts.stream().mapToInt(p -> p.length).sum();
        double[] all = new double[total];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
