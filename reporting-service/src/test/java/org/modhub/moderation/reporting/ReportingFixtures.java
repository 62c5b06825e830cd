package org.modhub.moderation.reporting;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.TestTokens;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What the service's tests share: requests, bodies and events (Kafka, SQL and tokens come from devstack's test kit). */
public final class ReportingFixtures {

    public static final String STAFF = "moderator";
    private static final EventCodec CODEC = new EventCodec();

    private ReportingFixtures() {}

    /** A fresh account id, so tests never see each other's reports or standing. */
    public static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A request as {@code subject} with {@code roles}. */
    public static RequestSpecification as(String subject, String... roles) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token(subject, roles));
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    /** A unique model for one test. */
    public static String newModel() {
        return "acme/model-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid report body on a model, with a policy (not illegal-content) category. */
    public static Map<String, Object> reportOn(String kind, String id) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", new HashMap<>(Map.of("kind", kind, "id", id, "url", "https://huggingface.co/" + id)));
        body.put("category", "platform_abuse");
        body.put("subcategory", "spam");
        body.put("explanation", "The model card is an advertisement for a casino, repeated in every discussion.");
        body.put("evidenceUrls", List.of("https://example.org/screenshot.png"));
        body.put("jurisdiction", "DE");
        return body;
    }

    public static Map<String, Object> reportOnModel(String modelId) {
        return reportOn("model", modelId);
    }

    /** Files a report and returns its id. */
    public static String file(String user, Map<String, Object> body) {
        return as(user, "user")
                .body(body)
                .post("/api/v1/reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    // --- events ---

    public static String encode(String source, EventPayload payload) {
        return CODEC.encode(EventEnvelope.of(source, payload));
    }

    public static EventEnvelope decode(String json) {
        return CODEC.decode(json);
    }

    public static <T extends EventPayload> T data(String json, Class<T> type) {
        return CODEC.data(CODEC.decode(json), type);
    }

    /** A "no action" decision on reports about {@code subject}, optionally finding them manifestly unfounded. */
    public static DecisionTaken noAction(String subjectKey, List<UUID> reportIds, boolean manifestlyUnfounded) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new DecisionTaken(
                UUID.randomUUID(),
                UUID.randomUUID(),
                SubjectRef.parse(subjectKey),
                "owner-" + UUID.randomUUID(),
                null,
                List.of(ModerationAction.NO_ACTION),
                null,
                PolicyCategory.PLATFORM_ABUSE,
                null,
                List.of(),
                null,
                "The content was reviewed against the policy.",
                "Nothing in the content breaks the policy.",
                "2025-04-10",
                "mod-1",
                null,
                AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED,
                DecisionOrigin.REPORT,
                reportIds,
                null,
                null,
                manifestlyUnfounded,
                now);
    }

    public static void sendDecision(DecisionTaken decision) {
        KafkaProbe.send(Topics.REVIEW_EVENTS, decision.subject().key(), encode(EventSources.REVIEW_SERVICE, decision));
    }

    /** An inbound mail as the gateway publishes it. */
    public static InboundMailReceived mail(
            String mailbox, String from, String subjectLine, String body, String threadToken) {
        return new InboundMailReceived(
                mailbox,
                "<" + UUID.randomUUID() + "@mail.example.org>",
                null,
                List.of(),
                threadToken,
                from,
                List.of(mailbox + "@hub.localhost"),
                subjectLine,
                body,
                Instant.now().truncatedTo(ChronoUnit.MICROS),
                List.of());
    }

    /** Publishes a mail as the gateway does: keyed by the service that owns it (its thread's, else its mailbox's). */
    public static void sendMail(InboundMailReceived mail) {
        KafkaProbe.send(Topics.MAIL_INBOUND, mail.partitionKey(), encode(EventSources.NOTIFICATION_SERVICE, mail));
    }

    public static void sendMail(String key, InboundMailReceived mail) {
        KafkaProbe.send(Topics.MAIL_INBOUND, key, encode(EventSources.NOTIFICATION_SERVICE, mail));
    }

    static final String SAFETY = Mailboxes.SAFETY;

    // --- data subjects' requests (issue 26) ---

    /** Publishes a data subject's request as appeals-service's privacy ledger does; returns its id. */
    public static UUID requestPrivacy(PrivacyRequestKind kind, String accountId, List<String> emails) {
        UUID id = UUID.randomUUID();
        PrivacyRequested request = new PrivacyRequested(
                id, kind, accountId, emails, "legal-1", Instant.now().truncatedTo(ChronoUnit.MICROS));
        KafkaProbe.send(Topics.PRIVACY_REQUESTS, request.partitionKey(), encode(EventSources.APPEALS_SERVICE, request));
        return id;
    }

    /** This service's whole answer to the request as seen on privacy.answers (all its parts), or null until then. */
    public static List<PrivacyAnswered> privacyAnswer(KafkaProbe answers, UUID requestId) {
        List<PrivacyAnswered> parts = answers.ofType(PrivacyAnswered.TYPE).stream()
                .map(v -> data(v, PrivacyAnswered.class))
                .filter(a -> a.requestId().equals(requestId) && a.service().equals("reporting-service"))
                .toList();
        return parts.isEmpty() || parts.size() < parts.get(0).parts() ? null : parts;
    }

    /** The audit log entries about {@code entityId}, as an auditor reads them. */
    public static io.restassured.response.ValidatableResponse auditOf(String entityId) {
        return as("audrey-" + UUID.randomUUID(), "auditor")
                .queryParam("entityId", entityId)
                .get("/api/v1/audit-log")
                .then()
                .statusCode(200);
    }
}
