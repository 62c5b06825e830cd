package org.modhub.moderation.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import org.modhub.moderation.devstack.TokenMinter;

/**
 * End-to-end latency through Kafka, from the services' own timestamps in their own databases (one
 * PostgreSQL server, one clock): a report filed ({@code report.filed_at}, reporting) until its
 * case is in the review queue ({@code review_case.opened_at}, review); a decision taking effect
 * ({@code decision.decided_at}, review) until the owner's statement mail was accepted by the
 * SMTP server ({@code mail_delivery.sent_at}, notification). Items are sent at a steady rate
 * (open model), so the figures are latencies, not backlog.
 */
final class Pipeline {

    /**
     * {@code reportToRelayed} + {@code relayedToQueue} split {@code reportToQueue} where reporting's outbox relay had the
     * {@code ReportFiled} event acknowledged by Kafka ({@code kit_outbox.sent_at}); {@code decisionToQueued} +
     * {@code queuedToSent} split {@code decisionToMail} at the mail's row in notification.
     */
    record Result(
            Percentiles reportToQueue,
            Percentiles reportToRelayed,
            Percentiles relayedToQueue,
            Percentiles decisionToMail,
            Percentiles decisionToQueued,
            Percentiles queuedToSent,
            int reportsFiled,
            int decisionsTaken,
            List<String> caseIds,
            int failures) {}

    private static final java.util.regex.Pattern ID =
            java.util.regex.Pattern.compile("^\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"");
    private final Stack stack;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Pipeline(Stack stack) {
        this.stack = stack;
    }

    Result run(int items, double rate) throws Exception {
        TokenMinter tokens = stack.dev().tokens();
        String reporting = stack.url("reporting");
        String review = stack.url("review");
        int[] failures = {0};

        // 1. Reports, each by its own notifier on its own subject: each opens a case.
        List<String> reportIds = paced(
                items,
                rate,
                i -> {
                    // Its own open namespace on the hub stand-in (HUB.md): the model exists, and its owner, whom the
                    // decision resolves from the hub, is that namespace's account (e-mail <namespace>@hub.localhost).
                    String model = "pl-" + UUID.randomUUID().toString().substring(0, 13) + "/m";
                    String user =
                            "pipeline-" + i + "-" + UUID.randomUUID().toString().substring(0, 6);
                    String body = """
                    {"subject":{"kind":"model","id":"%s","url":"https://huggingface.co/%s"},"category":"platform_abuse",\
                    "subcategory":"spam","explanation":"The model card is an advertisement for a casino, repeated everywhere.",\
                    "evidenceUrls":["https://example.org/screenshot.png"],"jurisdiction":"DE"}""".formatted(model, model);
                    String token = tokens.mint(
                            user, List.of("user"), Duration.ofHours(3), Map.of("email", user + "@example.org"));
                    return post(reporting + "/api/v1/reports", token, body, 201, "id");
                },
                failures);
        Map<String, OffsetDateTime> opened = awaitRows(
                stack,
                "review",
                "SELECT cr.report_id::text, c.opened_at, c.id::text FROM case_report cr JOIN review_case c ON c.id = cr.case_id "
                        + "WHERE cr.report_id = ANY(?::uuid[])",
                reportIds,
                Duration.ofMinutes(3));
        Map<String, OffsetDateTime> filed =
                rows(stack, "reporting", "SELECT id::text, filed_at FROM report WHERE id = ANY(?::uuid[])", reportIds);
        Map<String, OffsetDateTime> relayed = rows(
                stack,
                "reporting",
                "SELECT payload::jsonb -> 'data' ->> 'reportId', sent_at FROM kit_outbox WHERE topic = 'reporting.events' "
                        + "AND sent_at IS NOT NULL AND payload::jsonb -> 'data' ->> 'reportId' = ANY(?)",
                reportIds);
        List<Double> reportLatency = new ArrayList<>();
        List<Double> toRelayed = new ArrayList<>();
        List<Double> relayedToQueue = new ArrayList<>();
        opened.forEach((id, at) -> {
            OffsetDateTime from = filed.get(id);
            OffsetDateTime out = relayed.get(id);
            if (from != null) {
                reportLatency.add(ChronoUnit.MICROS.between(from, at) / 1000.0);
                if (out != null) {
                    toRelayed.add(ChronoUnit.MICROS.between(from, out) / 1000.0);
                    relayedToQueue.add(ChronoUnit.MICROS.between(out, at) / 1000.0);
                }
            }
        });
        List<String> caseIds = new ArrayList<>(caseIdsOf(stack, reportIds));

        // 2. Decisions: claim and decide each case (UNRANK on a model: enforced at once, no four eyes).
        List<String> decisionIds = paced(
                caseIds.size(),
                rate,
                i -> {
                    String caseId = caseIds.get(i);
                    String moderator =
                            tokens.mint("pipeline-mod-" + (i % 20), List.of("moderator"), Duration.ofHours(3));
                    post(review + "/api/v1/cases/" + caseId + "/claim", moderator, "", 200, null);
                    // No owner in the request: review resolves it from the hub (the subject's primary owner).
                    String body = """
                    {"actions":["UNRANK"],"category":"platform_abuse","subcategory":"spam",\
                    "facts":"The model card advertises an online casino in every section.",\
                    "explanation":"Advertising unrelated services is spam under section 5 of the content policy."}""";
                    return post(review + "/api/v1/cases/" + caseId + "/decisions", moderator, body, 201, "id");
                },
                failures);
        List<String> mailKeys =
                decisionIds.stream().map(id -> "owner-decision:" + id).toList();
        Map<String, OffsetDateTime> sent = awaitRows(
                stack,
                "notification",
                "SELECT idempotency_key, sent_at FROM mail_delivery WHERE status = 'SENT' AND idempotency_key = ANY(?)",
                mailKeys,
                Duration.ofMinutes(3));
        ownersFromTheHub(decisionIds);
        Map<String, OffsetDateTime> decided = rows(
                stack, "review", "SELECT id::text, decided_at FROM decision WHERE id = ANY(?::uuid[])", decisionIds);
        Map<String, OffsetDateTime> queued = rows(
                stack,
                "notification",
                "SELECT idempotency_key, created_at FROM mail_delivery WHERE idempotency_key = ANY(?)",
                mailKeys);
        List<Double> mailLatency = new ArrayList<>();
        List<Double> toQueued = new ArrayList<>();
        List<Double> queuedToSent = new ArrayList<>();
        sent.forEach((key, at) -> {
            OffsetDateTime from = decided.get(key.substring("owner-decision:".length()));
            OffsetDateTime row = queued.get(key);
            if (from != null) {
                mailLatency.add(ChronoUnit.MICROS.between(from, at) / 1000.0);
                if (row != null) {
                    toQueued.add(ChronoUnit.MICROS.between(from, row) / 1000.0);
                    queuedToSent.add(ChronoUnit.MICROS.between(row, at) / 1000.0);
                }
            }
        });
        return new Result(
                Percentiles.of(reportLatency),
                Percentiles.of(toRelayed),
                Percentiles.of(relayedToQueue),
                Percentiles.of(mailLatency),
                Percentiles.of(toQueued),
                Percentiles.of(queuedToSent),
                reportIds.size(),
                decisionIds.size(),
                caseIds,
                failures[0]);
    }

    /** Runs {@code task} for 0..n-1, started at {@code rate} a second, in parallel; the non-null results. */
    private static List<String> paced(int n, double rate, IntFunction<String> task, int[] failures) {
        List<CompletableFuture<String>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Stack.sleep(wait / 1_000_000);
            }
            int index = i;
            futures.add(CompletableFuture.supplyAsync(() -> task.apply(index), Thread::startVirtualThread)
                    .exceptionally(e -> null));
        }
        List<String> results = new ArrayList<>();
        for (CompletableFuture<String> future : futures) {
            String value = future.join();
            if (value == null) {
                failures[0]++;
            } else {
                results.add(value);
            }
        }
        return results;
    }

    private String post(String url, String token, String body, int expected, String field) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(
                            body.isEmpty()
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            }
            if (field == null) {
                return "";
            }
            // The new resource's id: the last segment of Location, else a leading "id" in the body.
            String location = response.headers().firstValue("Location").orElse("");
            if (!location.isEmpty()) {
                return location.substring(location.lastIndexOf('/') + 1);
            }
            java.util.regex.Matcher m = ID.matcher(response.body());
            if (!m.find()) {
                throw new IllegalStateException(url + ": no Location and no leading id in " + response.body());
            }
            return m.group(1);
        } catch (Exception e) {
            System.err.println("pipeline: " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    /** Says so when a decision's owner is not its model's namespace, the owner the hub stand-in gives it. */
    private void ownersFromTheHub(List<String> decisionIds) throws SQLException {
        try (Connection db = stack.db("review");
                PreparedStatement q = db.prepareStatement("SELECT count(*) FROM decision WHERE id = ANY(?::uuid[]) "
                        + "AND owner_id IS DISTINCT FROM split_part(split_part(subject_key, ':', 2), '/', 1)")) {
            q.setArray(1, db.createArrayOf("text", decisionIds.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    System.out.printf(
                            "  %d of %d decisions name an owner other than their model's namespace%n",
                            rs.getLong(1), decisionIds.size());
                }
            }
        }
    }

    private static List<String> caseIdsOf(Stack stack, List<String> reportIds) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection db = stack.db("review");
                PreparedStatement q = db.prepareStatement(
                        "SELECT DISTINCT case_id::text FROM case_report WHERE report_id = ANY(?::uuid[])")) {
            q.setArray(1, db.createArrayOf("text", reportIds.toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    /** Polls until the query (key, time) returns a row for every key, or the time is up; what it found. */
    private static Map<String, OffsetDateTime> awaitRows(
            Stack stack, String database, String sql, List<String> keys, Duration patience) throws SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        Map<String, OffsetDateTime> found = Map.of();
        while (System.nanoTime() < deadline) {
            found = rows(stack, database, sql, keys);
            if (found.size() >= keys.size()) {
                break;
            }
            Stack.sleep(500);
        }
        if (found.size() < keys.size()) {
            System.out.printf("  only %d of %d arrived in %s%n", found.size(), keys.size(), patience);
        }
        return found;
    }

    private static Map<String, OffsetDateTime> rows(Stack stack, String database, String sql, List<String> keys)
            throws SQLException {
        Map<String, OffsetDateTime> result = new HashMap<>();
        try (Connection db = stack.db(database);
                PreparedStatement q = db.prepareStatement(sql)) {
            Array array = db.createArrayOf("text", keys.toArray());
            q.setArray(1, array);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    result.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                }
            }
        }
        return result;
    }
}
