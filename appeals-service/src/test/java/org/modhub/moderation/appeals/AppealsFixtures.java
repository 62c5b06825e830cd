package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.reporting.ReportVisibility;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.devstack.test.TestTokens;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * What the service's tests share: decisions and reports as review- and reporting-service publish
 * them, mails as the gateway publishes them, requests (Kafka, SQL and tokens come from devstack's
 * test kit). Review-service never runs in these tests: every appeal here is filed against the local
 * copy of a decision, which is what lets appeals be filed while review-service is down.
 */
public final class AppealsFixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final String DECIDER = "mod-decider";
    public static final String APPROVER = "senior-approver";
    private static final EventCodec CODEC = new EventCodec();

    private AppealsFixtures() {}

    /** A fresh account id, so tests never see each other's appeals or standing. */
    public static String newUser(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static RequestSpecification as(String subject, String... roles) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token(subject, roles));
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given().contentType(ContentType.JSON);
    }

    public static SubjectRef newModel() {
        return SubjectRef.parse(
                "model:acme/model-" + UUID.randomUUID().toString().substring(0, 8));
    }

    // --- decisions and reports, as the other services publish them ---

    /** A severe restriction (DISABLE) of {@code ownerId}'s model, decided by {@link #DECIDER} and approved by {@link #APPROVER}. */
    public static DecisionTaken restriction(String ownerId, List<UUID> reportIds) {
        return decision(
                ownerId,
                List.of(ModerationAction.DISABLE),
                DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT,
                List.of("DE", "FR"),
                APPROVER,
                reportIds,
                false);
    }

    /** {@link #restriction} of an owner the hub directory placed in {@code ownerCountry} (null: it did not know). */
    public static DecisionTaken restrictionOfOwnerIn(String ownerId, String ownerCountry) {
        DecisionTaken d = restriction(ownerId, List.of());
        return new DecisionTaken(
                d.decisionId(),
                d.caseId(),
                d.subject(),
                d.ownerId(),
                ownerCountry,
                d.actions(),
                d.ground(),
                d.category(),
                d.subcategory(),
                d.territorialScope(),
                d.endDate(),
                d.facts(),
                d.explanation(),
                d.policyVersion(),
                d.decidedBy(),
                d.approvedBy(),
                d.automatedDecision(),
                d.origin(),
                d.reportIds(),
                d.noticeId(),
                d.appealId(),
                d.manifestlyUnfounded(),
                d.decidedAt());
    }

    /** A decision of {@link #DECIDER} taking {@code actions} (none severe) on {@code ownerId}'s model. */
    public static DecisionTaken decisionWith(String ownerId, List<ModerationAction> actions) {
        return decision(
                ownerId,
                actions,
                DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT,
                List.of("DE", "FR"),
                null,
                List.of(),
                false);
    }

    /** A decision that took no action on the reports. */
    public static DecisionTaken noAction(String ownerId, List<UUID> reportIds, boolean manifestlyUnfounded) {
        return decision(
                ownerId, List.of(ModerationAction.NO_ACTION), null, List.of(), null, reportIds, manifestlyUnfounded);
    }

    private static DecisionTaken decision(
            String ownerId,
            List<ModerationAction> actions,
            DecisionGround ground,
            List<String> scope,
            String approvedBy,
            List<UUID> reportIds,
            boolean unfounded) {
        return new DecisionTaken(
                UUID.randomUUID(),
                UUID.randomUUID(),
                newModel(),
                ownerId,
                null,
                actions,
                ground,
                PolicyCategory.PLATFORM_ABUSE,
                null,
                scope,
                null,
                "The model card advertises a casino.",
                "Advertising spam breaks the policy's platform abuse rules.",
                "2026-01",
                DECIDER,
                approvedBy,
                AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED,
                reportIds.isEmpty() ? DecisionOrigin.OWN_INITIATIVE : DecisionOrigin.REPORT,
                reportIds,
                null,
                null,
                unfounded,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** A report by a hub user (IN_PLATFORM) on {@code subject}. */
    public static ReportFiled reportBy(String reporterId, String jurisdiction, SubjectRef subject) {
        return new ReportFiled(
                UUID.randomUUID(),
                subject,
                PolicyCategory.PLATFORM_ABUSE,
                PolicySubcategory.SPAM,
                "Casino spam everywhere.",
                List.of(),
                ReportChannel.IN_PLATFORM,
                SourceType.SOURCE_ARTICLE_16,
                false,
                false,
                ReportVisibility.PRIVATE,
                reporterId,
                reporterId + "@example.org",
                jurisdiction,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** A report mailed to safety@ by a non-user. */
    public static ReportFiled mailedReport(String email, SubjectRef subject) {
        return new ReportFiled(
                UUID.randomUUID(),
                subject,
                PolicyCategory.PLATFORM_ABUSE,
                PolicySubcategory.SPAM,
                "Casino spam everywhere.",
                List.of(),
                ReportChannel.EMAIL,
                SourceType.SOURCE_ARTICLE_16,
                false,
                false,
                ReportVisibility.PRIVATE,
                null,
                email,
                "AT",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public static void publish(DecisionTaken decision) {
        KafkaProbe.send(Topics.REVIEW_EVENTS, decision.subject().key(), encode(EventSources.REVIEW_SERVICE, decision));
    }

    public static void publish(ReportFiled report) {
        KafkaProbe.send(
                Topics.REPORTING_EVENTS, report.subject().key(), encode(EventSources.REPORTING_SERVICE, report));
    }

    /** Publishes the decision and waits until this service has its copy (and its reports' notifiers). */
    public static DecisionTaken known(DataSource db, DecisionTaken decision, ReportFiled... reports) {
        for (ReportFiled report : reports) {
            publish(report);
        }
        publish(decision);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Sql.count(db, "SELECT count(*) FROM decision_copy WHERE decision_id = ?", decision.decisionId()))
                    .isOne();
            for (ReportFiled report : reports) {
                assertThat(Sql.count(db, "SELECT count(*) FROM report_notifier WHERE report_id = ?", report.reportId()))
                        .isOne();
            }
        });
        return decision;
    }

    /** When this service holds the parties were told of the decision. */
    public static Instant toldAt(DataSource db, UUID decisionId) {
        Object value = Sql.rows(db, "SELECT told_at FROM decision_copy WHERE decision_id = ?", decisionId)
                .get(0)
                .get(0);
        return value instanceof java.sql.Timestamp t ? t.toInstant() : ((java.time.OffsetDateTime) value).toInstant();
    }

    // --- requests ---

    public static Map<String, Object> appealAgainst(UUID decisionId) {
        Map<String, Object> body = new HashMap<>();
        body.put("decisionId", decisionId.toString());
        body.put("arguments", "The model card is a legitimate sponsorship notice, not spam; see the evidence.");
        body.put("evidenceUrls", List.of("https://example.org/sponsorship-contract.pdf"));
        return body;
    }

    /** Files an appeal and returns its id. */
    public static String file(String user, UUID decisionId) {
        return as(user, "user")
                .body(appealAgainst(decisionId))
                .post("/api/v1/appeals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Map<String, Object> resolution(String outcome, List<String> newActions, String explanation) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        body.put("newActions", newActions);
        body.put("explanation", explanation);
        return body;
    }

    /** Resolves the appeal as {@code legal-1}: {@code UPHELD}, manifestly unfounded or not, with {@code explanation}. */
    public static void resolve(String appealId, String explanation, boolean manifestlyUnfounded) {
        Map<String, Object> body = new HashMap<>(resolution("UPHELD", List.of(), explanation));
        body.put("manifestlyUnfounded", manifestlyUnfounded);
        as("legal-1", "legal")
                .body(body)
                .post("/api/v1/appeals/" + appealId + "/resolve")
                .then()
                .statusCode(200);
    }

    /** Records a dispute as {@code legal-1} and returns its id. */
    public static String dispute(UUID decisionId, String appealId, String settlementBody, String notes) {
        Map<String, Object> request = new HashMap<>();
        request.put("decisionId", decisionId.toString());
        request.put("appealId", appealId);
        request.put("body", settlementBody);
        request.put(
                "submittedOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());
        request.put("notes", notes);
        return as("legal-1", "legal")
                .body(request)
                .post("/api/v1/disputes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    // --- data subjects' requests (privacy.requests / privacy.answers) ---

    /** Publishes a data subject's request as the privacy request ledger does, and returns its id. */
    public static UUID privacyRequest(PrivacyRequestKind kind, String accountId, List<String> emails) {
        PrivacyRequested request = new PrivacyRequested(
                UUID.randomUUID(),
                kind,
                accountId,
                emails,
                "legal-1",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        KafkaProbe.send(Topics.PRIVACY_REQUESTS, request.partitionKey(), encode(EventSources.APPEALS_SERVICE, request));
        return request.requestId();
    }

    /** This service's whole answer to the request (every part), once it is on privacy.answers. */
    public static List<PersonalDataItem> answerTo(KafkaProbe answers, UUID requestId) {
        List<PersonalDataItem> items = new ArrayList<>();
        await().atMost(WAIT).untilAsserted(() -> {
            // The outbox delivers at least once: a part sent again counts once.
            Map<Integer, PrivacyAnswered> byPart = new java.util.TreeMap<>();
            answers.ofType(PrivacyAnswered.TYPE).stream()
                    .map(v -> data(v, PrivacyAnswered.class))
                    .filter(a -> a.requestId().equals(requestId) && a.service().equals("appeals-service"))
                    .forEach(a -> byPart.putIfAbsent(a.part(), a));
            List<PrivacyAnswered> parts = List.copyOf(byPart.values());
            assertThat(parts).isNotEmpty();
            assertThat(parts).hasSize(parts.get(0).parts());
            items.clear();
            parts.forEach(p -> items.addAll(p.items()));
        });
        return items;
    }

    // --- events and mail ---

    public static String encode(String source, EventPayload payload) {
        return CODEC.encode(EventEnvelope.of(source, payload));
    }

    public static <T extends EventPayload> T data(String json, Class<T> type) {
        return CODEC.data(CODEC.decode(json), type);
    }

    /** The mails requested so far with {@code templateId} to {@code recipient}. */
    public static List<NotificationRequested> mails(KafkaProbe probe, String templateId, String recipient) {
        return probe.ofType(NotificationRequested.TYPE).stream()
                .map(v -> data(v, NotificationRequested.class))
                .filter(m ->
                        m.templateId().equals(templateId) && m.recipientEmail().equalsIgnoreCase(recipient))
                .toList();
    }

    /** An inbound mail to legal@ as the gateway publishes it. */
    public static InboundMailReceived mail(String from, String subjectLine, String body, String threadToken) {
        return mail("legal", from, subjectLine, body, threadToken);
    }

    /** An inbound mail to {@code mailbox}@, on the thread the gateway recovered (plus-address or In-Reply-To), if any. */
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

    /** Publishes the mail as the gateway does: keyed by the service it is routed to (its thread's owner or its intake). */
    public static void send(InboundMailReceived mail) {
        KafkaProbe.send(Topics.MAIL_INBOUND, mail.partitionKey(), encode(EventSources.NOTIFICATION_SERVICE, mail));
    }

    /** The audit log entries about {@code entityId}, oldest first, as an auditor reads them. */
    public static List<Map<String, Object>> auditOf(Object entityId) {
        return as("auditor-1", "auditor")
                .queryParam("entityId", String.valueOf(entityId))
                .queryParam("limit", "500")
                .get("/api/v1/audit-log")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
    }
}
