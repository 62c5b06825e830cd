package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.HubStandIn;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.devstack.test.TestTokens;
import org.modhub.moderation.review.transparency.TransparencyReport;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What the service's tests share: events, requests and waits (Kafka, SQL and tokens come from devstack's test kit). */
public final class ReviewFixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final EventCodec CODEC = new EventCodec();

    private ReviewFixtures() {}

    public static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * A fresh owner: a namespace the hub stand-in serves as an open one, whose account id is its name, so a test can
     * act as the owner of everything under it with {@code as(owner, "user")} (HUB.md, open namespaces).
     */
    public static String newOwner() {
        return newUser("owner");
    }

    /** A fresh model under a fresh owner's namespace: it exists on the hub, and its primary owner is the namespace. */
    public static SubjectRef newModel() {
        return modelOf(newOwner());
    }

    /** A fresh model under {@code owner}'s namespace. */
    public static SubjectRef modelOf(String owner) {
        return SubjectRef.model(owner, "model-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Where the stand-in says an open namespace's owner gets mail. */
    public static String hubEmail(String owner) {
        return owner + "@hub.localhost";
    }

    /** The hub stand-in the service asks (devstack's, shared by the tests of this JVM). */
    public static HubStandIn hub() {
        return DevStack.shared().hub();
    }

    public static RequestSpecification as(String subject, String... roles) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token(subject, roles));
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    public static RequestSpecification moderator(String who) {
        return as(who, "moderator");
    }

    public static RequestSpecification senior(String who) {
        return as(who, "senior-moderator");
    }

    // --- events in ---

    public static ReportFiled report(
            SubjectRef subject,
            PolicyCategory category,
            PolicySubcategory subcategory,
            boolean trusted,
            String reporterId) {
        return new ReportFiled(
                UUID.randomUUID(),
                subject,
                category,
                subcategory,
                "This breaks the policy, see the card.",
                List.of("https://example.org/evidence.png"),
                ReportChannel.IN_PLATFORM,
                trusted ? SourceType.SOURCE_TRUSTED_FLAGGER : SourceType.SOURCE_ARTICLE_16,
                false,
                trusted,
                ReportVisibility.PUBLIC,
                reporterId,
                reporterId + "@example.org",
                "DE",
                now());
    }

    public static ReportFiled spam(SubjectRef subject) {
        return report(subject, PolicyCategory.PLATFORM_ABUSE, PolicySubcategory.SPAM, false, newUser("reporter"));
    }

    public static String encode(String source, EventPayload payload) {
        return CODEC.encode(EventEnvelope.of(source, payload));
    }

    public static void sendReport(ReportFiled report) {
        KafkaProbe.send(
                Topics.REPORTING_EVENTS, report.subject().key(), encode(EventSources.REPORTING_SERVICE, report));
    }

    public static void send(String topic, String source, EventPayload payload) {
        KafkaProbe.send(topic, payload.partitionKey(), encode(source, payload));
    }

    /** Sends an event and waits until review-service has applied it (its id is in the kit's processed-event log). */
    public static void sendAndAwait(DataSource db, String topic, String source, EventPayload payload) {
        EventEnvelope envelope = EventEnvelope.of(source, payload);
        KafkaProbe.send(topic, payload.partitionKey(), CODEC.encode(envelope));
        await().atMost(WAIT)
                .until(() -> Sql.count(db, "SELECT count(*) FROM kit_processed_event WHERE event_id = ?", envelope.id())
                        == 1);
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    // --- the database ---

    /** Waits until the subject has an open case holding {@code reports} reports and returns its id. */
    public static String awaitCase(DataSource db, SubjectRef subject, int reports) {
        String[] id = new String[1];
        await().atMost(WAIT).until(() -> {
            var rows = Sql.rows(
                    db,
                    "SELECT id, report_count FROM review_case WHERE subject_key = ? AND state <> 'CLOSED'",
                    subject.key());
            if (rows.size() == 1 && ((Number) rows.get(0).get(1)).intValue() == reports) {
                id[0] = rows.get(0).get(0).toString();
                return true;
            }
            return false;
        });
        return id[0];
    }

    /** Files a spam report on a fresh model and returns the open case's id. */
    public static String newCase(DataSource db, SubjectRef subject) {
        sendReport(spam(subject));
        return awaitCase(db, subject, 1);
    }

    /** Outbox rows for {@code topic} whose CloudEvent has {@code type} and mentions {@code text}. */
    public static List<String> outbox(DataSource db, String topic, String type, String text) {
        List<String> payloads = new ArrayList<>();
        Sql.rows(
                        db,
                        "SELECT payload FROM kit_outbox WHERE topic = ? AND payload LIKE ? AND payload LIKE ? ORDER BY id",
                        topic,
                        "%\"type\":\"" + type + "\"%",
                        "%" + text + "%")
                .forEach(r -> payloads.add((String) r.get(0)));
        return payloads;
    }

    /** Makes a pending timer due now, as if its time had come (the worker polls every half second in tests). */
    public static void makeDue(DataSource db, String kind, String key) {
        int moved = Sql.update(
                db,
                "UPDATE kit_timer SET due_at = now() - interval '1 second' WHERE kind = ? AND timer_key = ? "
                        + "AND fired_at IS NULL AND cancelled_at IS NULL AND dead_at IS NULL",
                kind,
                key);
        if (moved != 1) {
            throw new IllegalStateException("no pending timer " + kind + "/" + key);
        }
    }

    public static String state(DataSource db, String caseId) {
        return (String) Sql.rows(db, "SELECT state FROM review_case WHERE id = ?::uuid", caseId)
                .get(0)
                .get(0);
    }

    // --- requests ---

    public static String claim(String caseId, String moderator) {
        moderator(moderator).post("/api/v1/cases/" + caseId + "/claim").then().statusCode(200);
        return caseId;
    }

    /** A decision about the subject's primary owner on the hub (add {@code ownerId} to choose another owner). */
    public static Map<String, Object> decisionBody(List<String> actions, String category, String subcategory) {
        Map<String, Object> body = new HashMap<>();
        body.put("actions", actions);
        body.put("category", category);
        if (subcategory != null) {
            body.put("subcategory", subcategory);
        }
        body.put("facts", "The model card advertises an online casino in every section.");
        body.put("explanation", "Advertising unrelated services is spam under section 5 of the content policy.");
        return body;
    }

    public static Map<String, Object> spamDecision(List<String> actions) {
        return decisionBody(actions, "platform_abuse", "spam");
    }

    /** The auditors' export of statements of reasons from {@code from} until now, by puid. */
    public static Map<String, com.fasterxml.jackson.databind.JsonNode> statementsExported(Instant from) {
        String body = as("ada", "auditor")
                .queryParam("from", from.toString())
                .queryParam("to", now().plusSeconds(5).toString())
                .get("/api/v1/statements-of-reasons")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        com.fasterxml.jackson.databind.ObjectMapper mapper = EventCodec.newObjectMapper();
        Map<String, com.fasterxml.jackson.databind.JsonNode> out = new HashMap<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                try {
                    com.fasterxml.jackson.databind.JsonNode statement = mapper.readTree(line);
                    out.put(statement.get("puid").asText(), statement);
                } catch (java.io.IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        return out;
    }

    // --- the transparency report's page ---

    /**
     * The rows of the page's table with this caption, as a reader sees them: each row's header text to
     * the texts of its cells; the head row under its first cell's text, the total row under "Total".
     */
    public static Map<String, List<String>> reportTable(Document page, String caption) {
        Element table = page.select("table").stream()
                .filter(t -> t.selectFirst("caption") != null
                        && t.selectFirst("caption").text().equals(caption))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table captioned '" + caption + "' in:\n" + page.text()));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (Element row : table.select("tr")) {
            List<String> cells =
                    row.children().stream().skip(1).map(Element::text).toList();
            rows.put(row.child(0).text(), cells);
        }
        return rows;
    }

    /**
     * What makes the report's page fit to publish, whatever its figures: a language, one title heading
     * and no skipped heading level, a caption on every table and a scope on every header cell, nothing
     * fetched, no script, no {@code style=} attribute, a CSP whose hash is its style block's, and no
     * JSON key or enum constant anywhere in it (not even in an attribute).
     */
    public static Document assertPublishableReportPage(String html) throws Exception {
        Document page = Jsoup.parse(html);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(page.title()).startsWith("Transparency report, ");
        assertThat(page.select("h1")).hasSize(1);
        int level = 0;
        for (Element heading : page.select("h1, h2, h3, h4, h5, h6")) {
            int next = heading.tagName().charAt(1) - '0';
            assertThat(next).as("heading after h%d: %s", level, heading.text()).isLessThanOrEqualTo(level + 1);
            level = next;
        }
        for (Element table : page.select("table")) {
            assertThat(table.select("> caption").text())
                    .as("caption of\n%s", table)
                    .isNotBlank();
        }
        for (Element header : page.select("th")) {
            assertThat(header.attr("scope")).as("scope of %s", header).isIn("col", "row");
        }
        assertThat(page.select("script, link, img, iframe, object, embed")).isEmpty();
        assertThat(page.select("[style], [src], [href], [onload], [onclick]")).isEmpty();
        // Bars only beside one-dimensional breakdowns; a cross-tabulation is a table alone.
        assertThat(page.select("svg")).isNotEmpty().allMatch(svg -> svg.closest("table.breakdown") != null);

        String csp =
                page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertThat(csp).contains("default-src 'none'").doesNotContain("unsafe-inline");
        assertThat(page.select("style")).hasSize(1);
        String style = page.selectFirst("style").data();
        String hash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
        assertThat(csp).contains("style-src 'sha256-" + hash + "'");

        assertThat(html).doesNotContain("byCategoryAndSource", "SOURCE_TYPE_", "STATEMENT_CATEGORY_");
        List<String> constants = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b")
                .matcher(html)
                .results()
                .map(MatchResult::group)
                .toList();
        assertThat(constants).as("enum constants in the page").isEmpty();
        for (String key : jsonKeys()) {
            assertThat(html).as("the JSON key %s in the page", key).doesNotContain(key);
        }
        return page;
    }

    /** The report's JSON keys that are no English word ({@code byCategoryAndSource}, {@code medianDaysToDecide}). */
    private static List<String> jsonKeys() {
        List<String> keys = new ArrayList<>();
        for (RecordComponent section : TransparencyReport.class.getRecordComponents()) {
            Class<?> type = section.getType();
            if (type.isRecord()) {
                for (RecordComponent figure : type.getRecordComponents()) {
                    if (!figure.getName().equals(figure.getName().toLowerCase())) {
                        keys.add(figure.getName());
                    }
                }
            }
        }
        return keys;
    }
}
