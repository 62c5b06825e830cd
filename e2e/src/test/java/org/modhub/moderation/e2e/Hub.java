package org.modhub.moderation.e2e;

import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.modhub.moderation.devstack.ReceivedMail;

import com.fasterxml.jackson.databind.JsonNode;

/** What the flows share: the hub's calls through the public doors, and reading mail, Kafka and (for the checks) SQL. */
final class Hub {

    static final String HUB = "https://huggingface.co/";
    static final String MAIL_DOMAIN = "e2e.example";
    static final Duration WAIT = Duration.ofSeconds(60);

    final Suite suite;

    Hub(Suite suite) {
        this.suite = suite;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String address(String user) {
        return user + "@" + MAIL_DOMAIN;
    }

    Api as(String service, String subject, String... roles) {
        return Api.of(suite, service, suite.token(subject, roles));
    }

    // --- reporting ---

    static Map<String, Object> reportBody(String repo, String reporter) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", new HashMap<>(Map.of("kind", "model", "id", repo, "url", HUB + repo)));
        body.put("category", "platform_abuse");
        body.put("subcategory", "spam");
        body.put("explanation", "The model card is an advertisement for an online casino, repeated in every section.");
        body.put("evidenceUrls", List.of("https://example.org/screenshot.png"));
        body.put("jurisdiction", "DE");
        body.put("contactEmail", address(reporter));
        return body;
    }

    String fileReport(String reporter, String repo) {
        Api.Response response = as("reporting", reporter, "user").post("/api/v1/reports", reportBody(repo, reporter));
        if (response.status() != 201) {
            throw new AssertionError("filing a report: " + response);
        }
        return response.text("id");
    }

    // --- review ---

    /** The open (not closed) case of a subject, looked up in the staff queue. */
    Optional<JsonNode> openCase(String subjectKey) {
        Api staff = as("review", "mod-e2e-lookup", "moderator");
        for (String state : List.of("OPEN", "CLAIMED", "PENDING_APPROVAL")) {
            String cursor = null;
            do {
                Api.Response page = staff.get("/api/v1/cases?state=" + state + "&limit=100"
                        + (cursor == null ? "" : "&cursor=" + enc(cursor)));
                if (page.status() != 200) {
                    return Optional.empty();
                }
                for (JsonNode item : page.json().path("items")) {
                    if (subjectKey.equals(item.path("subject").asText())) {
                        return Optional.of(item);
                    }
                }
                cursor = page.text("nextCursor");
            } while (cursor != null);
        }
        return Optional.empty();
    }

    String awaitOpenCase(String subjectKey) {
        return await("a case on " + subjectKey).atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> openCase(subjectKey), Optional::isPresent).get().path("id").asText();
    }

    static Map<String, Object> decisionBody(List<String> actions, String ownerId, String facts, String explanation) {
        Map<String, Object> body = new HashMap<>();
        body.put("actions", actions);
        body.put("category", "platform_abuse");
        body.put("subcategory", "spam");
        body.put("facts", facts);
        body.put("explanation", explanation);
        body.put("owner", new HashMap<>(Map.of("id", ownerId, "email", address(ownerId))));
        return body;
    }

    JsonNode restrictions(String subjectKey) {
        Api.Response response = as("review", "mod-e2e-lookup", "moderator").get("/api/v1/subjects/" + subjectKey + "/restrictions");
        if (response.status() != 200) {
            throw new AssertionError("restrictions of " + subjectKey + ": " + response);
        }
        return response.json();
    }

    // --- mail ---

    /** Every message in the inbox of {@code address}, read from the mail server. */
    List<ReceivedMail> mailTo(String address) {
        return suite.stack.mail().messages(address);
    }

    ReceivedMail awaitMail(String address, Predicate<ReceivedMail> filter, String what) {
        try {
            return await(what + " to " + address).atMost(WAIT).pollInterval(Duration.ofMillis(500))
                    .until(() -> mailTo(address).stream().filter(filter).findFirst(), Optional::isPresent).get();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("no " + what + " reached " + address + " within " + WAIT + "; its inbox holds "
                    + mailTo(address).stream().map(ReceivedMail::subject).toList(), e);
        }
    }

    static Predicate<ReceivedMail> subjectContains(String text) {
        return mail -> mail.subject() != null && mail.subject().contains(text);
    }

    static String body(ReceivedMail mail) {
        return (mail.subject() + "\n" + mail.text() + "\n" + (mail.html() == null ? "" : mail.html())).toLowerCase(Locale.ROOT);
    }

    // --- Kafka (observed, never written except for the poison messages of the fault test) ---

    /** Every record now in {@code topic}, from the beginning. */
    List<ConsumerRecord<String, String>> records(String topic) {
        Map<String, Object> config = new HashMap<>(suite.stack.kafka().clientConfig());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }

    // --- SQL, for the after-the-fact checks only ---

    List<List<Object>> sql(String database, String query, Object... params) {
        try (Connection connection = suite.stack.postgres().connect(database);
                PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<List<Object>> result = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rows.getObject(c));
                    }
                    result.add(row);
                }
                return result;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("on " + database + ": " + query, e);
        }
    }

    long count(String database, String query, Object... params) {
        return ((Number) sql(database, query, params).get(0).get(0)).longValue();
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
