package org.modhub.moderation.bench;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The auditors' export of statements of reasons ({@code GET /api/v1/statements-of-reasons}, NDJSON
 * through a JDBC cursor) over the bulk-loaded decisions: statements per second, and the
 * review-service's resident memory, sampled every 20 ms while it streams.
 */
final class Export {

    record Result(
            long statements,
            double seconds,
            double perSecond,
            double rssBeforeMiB,
            double rssPeakMiB,
            long bytes,
            int status) {}

    private Export() {}

    static Result run(Stack stack) throws Exception {
        String token = stack.dev().tokens().mint("bench-auditor", List.of("auditor"), Duration.ofHours(1));
        URI uri = URI.create(stack.url("review") + "/api/v1/statements-of-reasons?from=" + Bulk.DECISIONS_FROM + "&to="
                + Bulk.DECISIONS_TO);
        HttpClient http = HttpClient.newHttpClient();
        long pid = stack.service("review").process().pid();
        double before = Stack.rssKiB(pid) / 1024.0;
        AtomicLong peak = new AtomicLong(Stack.rssKiB(pid));
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(Stack.rssKiB(pid), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long lines = 0;
        long bytes = 0;
        long start = System.nanoTime();
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .header("Accept", "application/x-ndjson")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = body.read(buffer)) > 0) {
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        return new Result(lines, seconds, lines / seconds, before, peak.get() / 1024.0, bytes, response.statusCode());
    }
}
