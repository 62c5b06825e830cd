package org.modhub.moderation.bench;

import static org.modhub.moderation.bench.Log.log;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.modhub.moderation.devstack.HubStandIn;
import org.modhub.moderation.devstack.TokenMinter;

/**
 * 6. The hub directory (issue 23): how long the services' {@code HubDirectory} takes to answer a lookup of a subject it
 * has not seen (miss: a call to the hub) and of one it has (hit: its cache), beside the baseline of one plain HTTP
 * round trip from this JVM to the same hub stand-in for the same kind of answer.
 *
 * <p>The lookups are made by the reporting-service, which asks the directory on every filing: reports on fresh models
 * (misses), then on the same models by other notifiers (hits), one at a time. Their times are the adapter's own, read
 * from reporting's {@code /q/metrics}: {@code kit_hub_latency_seconds{what="subject",result=...}} with the p50 and p99
 * service-kit publishes for it. Those quantiles are Micrometer's, over a sliding window of about two minutes; so the
 * warm-up's lookups are let expire first, each measured round lasts well under a minute, and the metrics are read as
 * it ends. The count and sum the same metrics give are exact and checked against the number of lookups sent.
 */
final class DirectoryPhase {

    /**
     * The adapter's figures for one result over one round: lookups counted, p50 and p99 as published (Micrometer's
     * window, 1 significant digit histogram), mean from the exact sum and count, the window's max; all in ms.
     */
    record Lookups(long count, double p50, double p99, double mean, double max) {}

    /**
     * @param baseline plain {@code GET /api/models/<ns>/<name>} from this JVM to the stand-in, ms
     * @param miss subject lookups answered by the hub, ms
     * @param hit subject lookups answered from the cache, ms
     * @param filingMiss {@code POST /api/v1/reports} as the client saw it, on fresh subjects (context), ms
     * @param filingHit the same on the same subjects again, ms
     */
    record Result(
            String namespace,
            Percentiles baseline,
            Lookups miss,
            Lookups hit,
            Percentiles filingMiss,
            Percentiles filingHit,
            int failures) {}

    /** Micrometer's default distribution expiry is 2 minutes: samples older than that are out of the published quantiles. */
    private static final Duration WINDOW = Duration.ofSeconds(130);

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

    private final Settings settings;
    private final Stack stack;
    private final Backlog backlog;
    private final Results r;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int failures;

    DirectoryPhase(Settings settings, Stack stack, Backlog backlog, Results r) {
        this.settings = settings;
        this.stack = stack;
        this.backlog = backlog;
        this.r = r;
    }

    void run() throws Exception {
        stack.phase("directory");
        HubStandIn hub = stack.dev().hub();
        int n = settings.directoryLookups();
        // One open namespace (HUB.md) for every model: its account is looked up once, at the warm-up, and cached, so a
        // subject miss is one call to the hub, like the baseline's one GET.
        String namespace = "dirbench-" + UUID.randomUUID().toString().substring(0, 8);

        int warmup = settings.directoryWarmup();
        log(
                "Directory warm-up: %d reports on fresh models, the same again, %d GETs to the stand-in...",
                warmup, warmup);
        List<String> warm = models(namespace, "w", warmup);
        file(warm);
        file(warm);
        baseline(hub, namespace, "wb", warmup);
        long warmedAt = System.nanoTime();
        backlog.drain();
        long left = WINDOW.toMillis() - (System.nanoTime() - warmedAt) / 1_000_000;
        if (left > 0) {
            log("  waiting %d s for the warm-up's lookups to leave the published quantiles...", left / 1000);
            Stack.sleep(left);
        }

        log("Directory: %d GETs to the stand-in (baseline), %d reports on fresh models, the same again...", n, n);
        Percentiles baseline = baseline(hub, namespace, "b", n);
        List<String> fresh = models(namespace, "m", n);
        Map<String, Double> before = metrics();
        Percentiles filingMiss = file(fresh);
        Map<String, Double> afterMiss = metrics();
        Percentiles filingHit = file(fresh);
        Map<String, Double> afterHit = metrics();
        Lookups miss = lookups("miss", before, afterMiss);
        Lookups hit = lookups("hit", afterMiss, afterHit);
        r.directory = new Result(namespace, baseline, miss, hit, filingMiss, filingHit, failures);
        log(
                "  baseline GET p50 %.3f ms p99 %.3f ms; miss %s; hit %s; filing (client) miss %s, hit %s; failures %d",
                baseline.p50(), baseline.p99(), miss, hit, filingMiss, filingHit, failures);
        if (miss.count() != n || hit.count() != n) {
            log(
                    "  (expected %d lookups of each; the metrics counted %d misses and %d hits)",
                    n, miss.count(), hit.count());
        }
        backlog.drain();
    }

    private static List<String> models(String namespace, String prefix, int n) {
        List<String> models = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            models.add(namespace + "/" + prefix + "-"
                    + UUID.randomUUID().toString().substring(0, 13));
        }
        return models;
    }

    /** Files a report on each model, one at a time, each by a new notifier; the client-side times of the 201s. */
    private Percentiles file(List<String> models) {
        TokenMinter tokens = stack.dev().tokens();
        List<String> bearer = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String user = "dir-" + UUID.randomUUID().toString().substring(0, 12);
            bearer.add(tokens.mint(user, List.of("user"), Duration.ofHours(1), Map.of("email", user + "@example.org")));
        }
        String url = stack.url("reporting") + "/api/v1/reports";
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String model = models.get(i);
            String body = """
                    {"subject":{"kind":"model","id":"%s","url":"https://huggingface.co/%s"},"category":"platform_abuse",\
                    "subcategory":"spam","explanation":"The model card is an advertisement for a casino, repeated everywhere.",\
                    "evidenceUrls":["https://example.org/screenshot.png"],"jurisdiction":"DE"}""".formatted(model, model);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + bearer.get(i))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            times.add(timed(request, 201));
        }
        return Percentiles.of(times.stream().filter(t -> !t.isNaN()).toList());
    }

    /** The baseline: {@code GET /api/models/<ns>/<name>} on the stand-in with its bearer token, one at a time. */
    private Percentiles baseline(HubStandIn hub, String namespace, String prefix, int n) {
        List<Double> times = new ArrayList<>();
        for (String model : models(namespace, prefix, n)) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(hub.url() + "/api/models/" + model))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + hub.token())
                    .GET()
                    .build();
            times.add(timed(request, 200));
        }
        return Percentiles.of(times.stream().filter(t -> !t.isNaN()).toList());
    }

    /** Milliseconds from sending to the whole answer read; NaN (and a failure counted) for any other status. */
    private double timed(HttpRequest request, int expected) {
        try {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (response.statusCode() != expected) {
                failures++;
                System.err.println(
                        "directory: " + request.uri() + " answered " + response.statusCode() + ": " + response.body());
                return Double.NaN;
            }
            return ms;
        } catch (Exception e) {
            failures++;
            System.err.println("directory: " + request.uri() + ": " + e);
            return Double.NaN;
        }
    }

    /** The adapter's subject lookups with this result between two readings of reporting's metrics. */
    private static Lookups lookups(String result, Map<String, Double> before, Map<String, Double> after) {
        String tags = "{result=" + result + ",what=subject}";
        String name = "kit_hub_latency_seconds";
        long count = Math.round(
                after.getOrDefault(name + "_count" + tags, 0.0) - before.getOrDefault(name + "_count" + tags, 0.0));
        double sum = after.getOrDefault(name + "_sum" + tags, 0.0) - before.getOrDefault(name + "_sum" + tags, 0.0);
        return new Lookups(
                count,
                1000 * after.getOrDefault(name + "{quantile=0.5,result=" + result + ",what=subject}", Double.NaN),
                1000 * after.getOrDefault(name + "{quantile=0.99,result=" + result + ",what=subject}", Double.NaN),
                count == 0 ? Double.NaN : 1000 * sum / count,
                1000 * after.getOrDefault(name + "_max" + tags, Double.NaN));
    }

    /**
     * Reporting's {@code kit_hub_latency_seconds*} samples, keyed by name and labels sorted by name, e.g.
     * {@code kit_hub_latency_seconds{quantile=0.5,result=miss,what=subject}}.
     */
    private Map<String, Double> metrics() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.url("reporting") + "/q/metrics"))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("reporting's /q/metrics answered " + response.statusCode());
        }
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("kit_hub_latency_seconds")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.find()) {
                continue;
            }
            java.util.TreeMap<String, String> labels = new java.util.TreeMap<>();
            Matcher l = LABEL.matcher(m.group(2));
            while (l.find()) {
                // Only the adapter's own labels: common tags a deployment may add do not change the key.
                if (List.of("quantile", "result", "what").contains(l.group(1))) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            StringBuilder key = new StringBuilder(m.group(1)).append('{');
            labels.forEach((k, v) -> key.append(key.charAt(key.length() - 1) == '{' ? "" : ",")
                    .append(k)
                    .append('=')
                    .append(v));
            samples.put(key.append('}').toString(), Double.parseDouble(m.group(3)));
        }
        return samples;
    }
}
