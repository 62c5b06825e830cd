package org.modhub.moderation.matching;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.devstack.DevStack;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * What the service's tests share: repositories on the hub stand-in (fresh namespaces, so tests never see each
 * other's), decisions and reversals as review-service publishes them, and requests as the hub and staff make them.
 */
public final class MatchingFixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final long MIB = 1024 * 1024;
    private static final EventCodec CODEC = new EventCodec();
    private static final ObjectMapper JSON = new ObjectMapper();

    private MatchingFixtures() {}

    /** A namespace nobody used before. */
    public static String freshNamespace() {
        return "ns-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A random sha256, lower-case hex. */
    public static String randomSha() {
        return sha("random " + UUID.randomUUID());
    }

    public static String sha(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One file of a fixture repository. */
    public record HubFileFixture(String path, long size, String sha256) {}

    /** A base model edge of a fixture repository: {@code id} is {@code ns/name}, relation as the hub's tags. */
    public record Base(String id, String relation) {}

    /** Puts a public model with these files and base models on the hub stand-in. */
    public static SubjectRef putModel(String id, List<HubFileFixture> files, List<Base> baseModels) {
        List<Map<String, Object>> fileNodes = new ArrayList<>();
        for (HubFileFixture f : files) {
            fileNodes.add(Map.of(
                    "path",
                    f.path(),
                    "size",
                    f.size(),
                    "sha256",
                    f.sha256(),
                    "lastCommitDate",
                    "2025-01-01T00:00:00Z"));
        }
        List<Map<String, Object>> baseNodes = new ArrayList<>();
        for (Base b : baseModels) {
            baseNodes.add(Map.of("id", b.id(), "relation", b.relation()));
        }
        Map<String, Object> repo = Map.of(
                "type",
                "model",
                "id",
                id,
                "createdAt",
                "2025-01-01T00:00:00Z",
                "lastModified",
                "2025-01-01T00:00:00Z",
                "files",
                fileNodes,
                "baseModels",
                baseNodes);
        try {
            DevStack.shared().hub().merge(JSON.writeValueAsString(Map.of("repositories", List.of(repo))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return SubjectRef.parse("model:" + id);
    }

    // --- decisions, as review-service publishes them ---

    /** A removal of {@code subject} (REMOVE, approved by a second moderator) in the category "illegal or harmful". */
    public static DecisionTaken removal(SubjectRef subject) {
        return decision(subject, ModerationAction.REMOVE, DecisionOrigin.OWN_INITIATIVE);
    }

    public static DecisionTaken decision(SubjectRef subject, ModerationAction action, DecisionOrigin origin) {
        return new DecisionTaken(
                UUID.randomUUID(),
                UUID.randomUUID(),
                subject,
                "owner-" + UUID.randomUUID().toString().substring(0, 8),
                null,
                List.of(action),
                DecisionGround.DECISION_GROUND_INCOMPATIBLE_CONTENT,
                PolicyCategory.PLATFORM_ABUSE,
                null,
                List.of("DE", "FR"),
                null,
                "The model re-publishes removed weights.",
                "Re-publishing removed content breaks the policy.",
                "2026-01",
                "mod-decider",
                "senior-approver",
                AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED,
                origin,
                List.of(),
                null,
                null,
                false,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /** Staff reverse {@code decision} of their own initiative. */
    public static DecisionReversed reversal(DecisionTaken decision) {
        return new DecisionReversed(
                UUID.randomUUID(),
                decision.decisionId(),
                decision.subject(),
                DecisionOrigin.OWN_INITIATIVE,
                null,
                null,
                "The weights were the owner's own after all.",
                decision.actions(),
                "mod-decider",
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public static void publish(DecisionTaken decision) {
        KafkaProbe.send(Topics.REVIEW_EVENTS, decision.subject().key(), encode(decision));
    }

    public static void publish(DecisionReversed reversal) {
        KafkaProbe.send(Topics.REVIEW_EVENTS, reversal.subject().key(), encode(reversal));
    }

    static String encode(EventPayload payload) {
        return CODEC.encode(EventEnvelope.of(EventSources.REVIEW_SERVICE, payload));
    }

    public static <T extends EventPayload> T data(String json, Class<T> type) {
        return CODEC.data(CODEC.decode(json), type);
    }

    // --- requests ---

    public static RequestSpecification as(String subject, String... roles) {
        return RestAssured.given().contentType(ContentType.JSON).auth().oauth2(TestTokens.token(subject, roles));
    }

    public static RequestSpecification hub() {
        return as("hub-uploads", Roles.HUB);
    }

    /** A check body for {@code repository} with files (path, sha256 pairs) and base models. */
    public static Map<String, Object> upload(String repository, List<List<String>> files, List<String> baseModels) {
        List<Map<String, String>> fileNodes = files.stream()
                .map(f -> Map.of("path", f.get(0), "sha256", f.get(1)))
                .toList();
        return Map.of("repository", repository, "files", fileNodes, "baseModels", baseModels);
    }

    /** Imports a CSV body as {@code who} (legal). */
    public static io.restassured.response.Response importCsv(String who, String csv) {
        return RestAssured.given()
                .auth()
                .oauth2(TestTokens.token(who, Roles.LEGAL))
                .contentType("text/csv")
                .body(csv)
                .post("/api/v1/bank/imports");
    }
}
