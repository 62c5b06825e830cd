package org.modhub.moderation.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.awaitility.Awaitility;
import org.modhub.moderation.devstack.internal.ChildProcesses;
import org.modhub.moderation.devstack.internal.OrphanGuard;
import org.modhub.moderation.devstack.internal.Ports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Prometheus server (Debian's package; {@code bin/lib/prometheus.sh} installs it where missing) that scrapes
 * every service of the suite and evaluates the chart's alert rules, as an operator's Prometheus would: job = the
 * service's name, as a ServiceMonitor names it. Scrapes and evaluations every 2 s, so a test sees a condition
 * within seconds.
 */
final class Prometheus implements AutoCloseable {

    /** The chart's rule file, the one the PrometheusRule ships. */
    static final String RULES = "k8s/chart/moderation-suite/files/alerts.yaml";

    private static final Duration READY_BUDGET = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final OrphanGuard guard;
    private final String url;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private Prometheus(Process process, OrphanGuard guard, String url) {
        this.process = process;
        this.guard = guard;
        this.url = url;
    }

    /** One alert as {@code /api/v1/alerts} lists it: pending (its condition holds) or firing. */
    record Alert(String name, String state, Map<String, String> labels) {
        @Override
        public String toString() {
            Map<String, String> rest = new TreeMap<>(labels);
            rest.remove("alertname");
            rest.remove("severity");
            return name + rest + " " + state;
        }
    }

    /** Starts Prometheus in {@code dir} with one job per entry of {@code targets} (job → its replicas' host:port). */
    static Prometheus start(Path repoRoot, Path dir, Path log, Map<String, List<String>> targets) {
        String binary = System.getenv().getOrDefault("E2E_PROMETHEUS", "/usr/bin/prometheus");
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException(binary + " is missing: bin/e2e and bin/test install Debian's prometheus"
                    + " package (apt-get install prometheus)");
        }
        StringBuilder config = new StringBuilder();
        config.append("global:\n  scrape_interval: 2s\n  scrape_timeout: 2s\n  evaluation_interval: 2s\n");
        config.append("rule_files:\n  - ").append(repoRoot.resolve(RULES)).append('\n');
        config.append("scrape_configs:\n");
        targets.forEach((job, replicas) -> config.append("  - job_name: ")
                .append(job)
                .append("\n    metrics_path: /q/metrics\n    static_configs:\n      - targets: [\"")
                .append(String.join("\", \"", replicas))
                .append("\"]\n"));
        int port = Ports.freePort();
        try {
            // A fresh database each run: series of an earlier run would hold alerts of their own.
            deleteTree(dir.resolve("data"));
            Files.createDirectories(dir);
            Path file = dir.resolve("prometheus.yml");
            Files.writeString(file, config);
            List<String> command = List.of(
                    binary,
                    "--config.file=" + file,
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--storage.tsdb.retention.time=1d");
            Process process = new ProcessBuilder(ChildProcesses.detached(command))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Prometheus prometheus =
                    new Prometheus(process, OrphanGuard.watch(process.pid(), "TERM"), "http://127.0.0.1:" + port);
            prometheus.awaitReady();
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    private void awaitReady() {
        Awaitility.await("prometheus ready")
                .atMost(READY_BUDGET)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(
                                "prometheus exited with " + process.exitValue() + "; see its log");
                    }
                    try {
                        return get("/-/ready").statusCode() == 200;
                    } catch (IOException notYet) {
                        return false; // not listening yet
                    }
                });
    }

    /** The jobs whose last scrape of every replica succeeded. */
    Set<String> jobsUp() {
        Set<String> up = new TreeSet<>();
        // Every replica of the job: a dead letter counted by a replica not scraped yet would be no increase.
        for (JsonNode sample : query("min by (job) (up) == 1")) {
            up.add(sample.path("metric").path("job").asText());
        }
        return up;
    }

    /** The alerts whose condition holds now, pending or firing. */
    List<Alert> activeAlerts() {
        List<Alert> alerts = new ArrayList<>();
        for (JsonNode alert : data("/api/v1/alerts").path("alerts")) {
            Map<String, String> labels = new TreeMap<>();
            alert.path("labels")
                    .fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            alerts.add(new Alert(labels.get("alertname"), alert.path("state").asText(), labels));
        }
        return alerts;
    }

    /** The names of every series Prometheus holds. */
    Set<String> metricNames() {
        Set<String> names = new TreeSet<>();
        data("/api/v1/label/__name__/values").forEach(n -> names.add(n.asText()));
        return names;
    }

    /** When the rules were last evaluated, in epoch seconds (the oldest group's last evaluation). */
    double lastRuleEvaluation() {
        double oldest = Double.MAX_VALUE;
        for (JsonNode group : data("/api/v1/rules").path("groups")) {
            String at = group.path("lastEvaluation").asText();
            oldest = Math.min(oldest, java.time.Instant.parse(at).toEpochMilli() / 1000.0);
        }
        return oldest;
    }

    JsonNode query(String promql) {
        return data("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8))
                .path("result");
    }

    private JsonNode data(String path) {
        try {
            HttpResponse<String> response = get(path);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "prometheus " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body()).path("data");
        } catch (IOException e) {
            throw new UncheckedIOException("prometheus " + path, e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        guard.close();
        ChildProcesses.stop(process.toHandle(), Duration.ofSeconds(5));
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
