package org.modhub.moderation.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a Quarkus process spends its time, from Micrometer's HTTP timers on its {@code /q/metrics}: the requests it
 * served ({@code http_server_requests_seconds}) and the calls it made ({@code http_client_requests_seconds}), by
 * route, summed over the statuses. Two snapshots give the count and mean time of what happened between them.
 */
final class ServerTimers {

    /** Calls and mean time (ms) of one route between two snapshots. */
    record Timer(String route, long count, double meanMillis) {}

    /** The labels end at the line's last brace: a route's template has braces of its own ({@code uri="/cases/{id}"}). */
    private static final Pattern LINE = Pattern.compile(
            "^http_(server|client)_requests_seconds_(count|sum)\\{(.*)\\}\\s+([0-9.eE+-]+)$", Pattern.MULTILINE);

    private static final Pattern URI_LABEL = Pattern.compile("\\buri=\"([^\"]*)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ServerTimers() {}

    /** "server /queue" or "client /api/v1/cases/{id}" → {count, seconds}. */
    static Map<String, double[]> snapshot(String baseUrl) throws IOException, InterruptedException {
        String text = HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "/q/metrics"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Map<String, double[]> timers = new TreeMap<>();
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            Matcher uri = URI_LABEL.matcher(m.group(3));
            String route = m.group(1) + " " + (uri.find() ? uri.group(1) : "?");
            timers.computeIfAbsent(route, k -> new double[2])[m.group(2).equals("count") ? 0 : 1] +=
                    Double.parseDouble(m.group(4));
        }
        return timers;
    }

    /** The routes with calls between {@code before} and {@code after}, most calls first. */
    static Map<String, Timer> between(Map<String, double[]> before, Map<String, double[]> after) {
        Map<String, Timer> result = new LinkedHashMap<>();
        after.entrySet().stream()
                .map(e -> {
                    double[] b = before.getOrDefault(e.getKey(), new double[2]);
                    long count = Math.round(e.getValue()[0] - b[0]);
                    double seconds = e.getValue()[1] - b[1];
                    return new Timer(e.getKey(), count, count == 0 ? Double.NaN : seconds * 1000 / count);
                })
                .filter(t -> t.count() > 0)
                .sorted((a, b) -> Long.compare(b.count(), a.count()))
                .forEach(t -> result.put(t.route(), t));
        return result;
    }
}
