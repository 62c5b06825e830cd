package org.modhub.moderation.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.modhub.moderation.matching.MatchingFixtures.MIB;
import static org.modhub.moderation.matching.MatchingFixtures.WAIT;
import static org.modhub.moderation.matching.MatchingFixtures.as;
import static org.modhub.moderation.matching.MatchingFixtures.data;
import static org.modhub.moderation.matching.MatchingFixtures.freshNamespace;
import static org.modhub.moderation.matching.MatchingFixtures.hub;
import static org.modhub.moderation.matching.MatchingFixtures.publish;
import static org.modhub.moderation.matching.MatchingFixtures.putModel;
import static org.modhub.moderation.matching.MatchingFixtures.randomSha;
import static org.modhub.moderation.matching.MatchingFixtures.removal;
import static org.modhub.moderation.matching.MatchingFixtures.reversal;
import static org.modhub.moderation.matching.MatchingFixtures.upload;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.matching.MatchKind;
import org.modhub.moderation.contracts.event.matching.UploadMatched;
import org.modhub.moderation.contracts.event.matching.UploadVerdict;
import org.modhub.moderation.contracts.event.review.DecisionOrigin;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.matching.MatchingFixtures.HubFileFixture;
import org.modhub.moderation.matching.domain.Bank;
import org.modhub.moderation.matching.persistence.BankReader;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * Removed stays removed: a decision on review.events banks the removed repository's files, the hub's check refuses
 * a re-upload naming the decision and review hears of it on matching.events, and a reversal lets the same upload
 * through.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "matching"))
class BankFlowTest {

    @Inject
    DataSource db;

    @Inject
    BankReader reader;

    @Inject
    Clock clock;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aRemovedModelsWeightsAreRefusedOnReUploadUntilTheDecisionIsReversed() {
        String weights = randomSha();
        String tokenizer = randomSha();
        String config = randomSha();
        String ns = freshNamespace();
        SubjectRef removed = putModel(
                ns + "/atlas",
                List.of(
                        new HubFileFixture("model.safetensors", 5 * MIB, weights),
                        new HubFileFixture("tokenizer.json", 2 * MIB, tokenizer),
                        new HubFileFixture("config.json", 600, config)),
                List.of());
        DecisionTaken decision = removal(removed);
        String copy = "model:" + freshNamespace() + "/atlas-copy";
        var body = upload(
                copy,
                List.of(
                        List.of("weights/model.safetensors", weights.toUpperCase()),
                        List.of("tokenizer.json", tokenizer),
                        List.of("config.json", config)),
                List.of());

        try (KafkaProbe events = KafkaProbe.from(Topics.MATCHING_EVENTS)) {
            publish(decision);

            await().atMost(WAIT)
                    .untilAsserted(() -> hub().body(body)
                            .post("/api/v1/uploads/check")
                            .then()
                            .statusCode(200)
                            .body("repository", equalTo(copy))
                            .body("verdict", equalTo("REFUSE")));
            hub().body(body)
                    .post("/api/v1/uploads/check")
                    .then()
                    .statusCode(200)
                    .body("files[0].path", equalTo("weights/model.safetensors"))
                    .body("files[0].sha256", equalTo(weights))
                    .body("files[0].verdict", equalTo("REFUSE"))
                    .body(
                            "files[0].match.decisionId",
                            equalTo(decision.decisionId().toString()))
                    .body("files[0].match.subject", equalTo(removed.key()))
                    .body("files[0].match.listSource", nullValue())
                    .body("files[0].match.reason", equalTo(decision.category().title()))
                    // A tokenizer and a small config are everyone's: never banked.
                    .body("files[1].verdict", equalTo("ACCEPT"))
                    .body("files[1].match", nullValue())
                    .body("files[2].verdict", equalTo("ACCEPT"));

            await().atMost(WAIT).untilAsserted(() -> {
                List<UploadMatched> matched = events.ofType(UploadMatched.TYPE).stream()
                        .map(v -> data(v, UploadMatched.class))
                        .filter(m -> m.subject().key().equals(copy))
                        .toList();
                assertThat(matched).hasSize(1);
                UploadMatched m = matched.get(0);
                assertThat(m.kind()).isEqualTo(MatchKind.CONTENT_HASH);
                assertThat(m.decisionId()).isEqualTo(decision.decisionId());
                assertThat(m.matchedSubject()).isEqualTo(removed);
                assertThat(m.verdict()).isEqualTo(UploadVerdict.REFUSE);
                assertThat(m.files()).extracting(f -> f.path()).containsExactly("weights/model.safetensors");
            });
            // Checked twice, told once: the second check wrote no second event.
            assertThat(Sql.count(db, "SELECT count(*) FROM kit_outbox WHERE payload LIKE ?", "%" + copy + "%"))
                    .isEqualTo(1);

            publish(reversal(decision));

            await().atMost(WAIT)
                    .untilAsserted(() -> hub().body(body)
                            .post("/api/v1/uploads/check")
                            .then()
                            .statusCode(200)
                            .body("verdict", equalTo("ACCEPT"))
                            .body("files[0].match", nullValue()));
        }
        // Staff still see that the weights were banked, and that the source is withdrawn.
        as("mod-1", "moderator")
                .get("/api/v1/bank/hashes/" + weights)
                .then()
                .statusCode(200)
                .body("sources[0].decisionId", equalTo(decision.decisionId().toString()))
                .body("sources[0].active", equalTo(false));
    }

    @Test
    void aCardNamingARemovedModelAsBaseIsHeldForReviewNotRefused() {
        SubjectRef removed = putModel(
                freshNamespace() + "/base",
                List.of(new HubFileFixture("model.safetensors", 3 * MIB, randomSha())),
                List.of());
        DecisionTaken decision = removal(removed);
        String derivative = "model:" + freshNamespace() + "/finetune";
        String baseName = removed.namespace() + "/" + removed.name();
        var body = upload(derivative, List.of(List.of("model.safetensors", randomSha())), List.of(baseName));

        try (KafkaProbe events = KafkaProbe.from(Topics.MATCHING_EVENTS)) {
            publish(decision);

            await().atMost(WAIT)
                    .untilAsserted(() -> hub().body(body)
                            .post("/api/v1/uploads/check")
                            .then()
                            .statusCode(200)
                            .body("verdict", equalTo("HOLD_FOR_REVIEW"))
                            .body("files[0].verdict", equalTo("ACCEPT"))
                            .body("baseModels[0].model", equalTo(baseName))
                            .body("baseModels[0].verdict", equalTo("HOLD_FOR_REVIEW"))
                            .body(
                                    "baseModels[0].match.decisionId",
                                    equalTo(decision.decisionId().toString())));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(events.ofType(UploadMatched.TYPE).stream()
                                    .map(v -> data(v, UploadMatched.class))
                                    .filter(m -> m.subject().key().equals(derivative)))
                            .singleElement()
                            .satisfies(m -> {
                                assertThat(m.kind()).isEqualTo(MatchKind.BASE_MODEL);
                                assertThat(m.matchedSubject()).isEqualTo(removed);
                                assertThat(m.verdict()).isEqualTo(UploadVerdict.HOLD_FOR_REVIEW);
                                assertThat(m.files()).isEmpty();
                            }));
        }
    }

    @Test
    void aDmcaTakedownOfOneFileBanksThatFileOnly() {
        String taken = randomSha();
        String other = randomSha();
        String ns = freshNamespace();
        putModel(
                ns + "/pack",
                List.of(
                        new HubFileFixture("weights/a.safetensors", 4 * MIB, taken),
                        new HubFileFixture("weights/b.safetensors", 4 * MIB, other)),
                List.of());
        SubjectRef file = SubjectRef.parse("file:model:" + ns + "/pack@main:weights/a.safetensors");
        DecisionTaken takedown =
                MatchingFixtures.decision(file, ModerationAction.DISABLE, DecisionOrigin.OWN_INITIATIVE);
        var body = upload(
                "model:" + freshNamespace() + "/pack",
                List.of(List.of("a.safetensors", taken), List.of("b.safetensors", other)),
                List.of());

        publish(takedown);

        await().atMost(WAIT)
                .untilAsserted(() -> hub().body(body)
                        .post("/api/v1/uploads/check")
                        .then()
                        .statusCode(200)
                        .body("verdict", equalTo("REFUSE"))
                        .body("files[0].verdict", equalTo("REFUSE"))
                        .body("files[1].verdict", equalTo("ACCEPT")));
    }

    @Test
    void aReversalSeenBeforeItsDecisionLeavesNothingBanked() {
        String weights = randomSha();
        SubjectRef model = putModel(
                freshNamespace() + "/early",
                List.of(new HubFileFixture("model.safetensors", 2 * MIB, weights)),
                List.of());
        DecisionTaken decision = removal(model);

        publish(reversal(decision));
        publish(decision);

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(Sql.count(
                                db,
                                "SELECT count(*) FROM bank_source WHERE decision_id = ? AND NOT active",
                                decision.decisionId()))
                        .isEqualTo(1));
        await().atMost(WAIT)
                .untilAsserted(() -> hub().body(upload(
                                "model:" + freshNamespace() + "/x",
                                List.of(List.of("m.safetensors", weights)),
                                List.of()))
                        .post("/api/v1/uploads/check")
                        .then()
                        .statusCode(200)
                        .body("verdict", equalTo("ACCEPT")));
    }

    @Test
    void aNewReplicaLoadsTheBankFromPostgresqlBeforeItIsReady() {
        String weights = randomSha();
        SubjectRef model = putModel(
                freshNamespace() + "/persisted",
                List.of(new HubFileFixture("model.safetensors", 2 * MIB, weights)),
                List.of());
        publish(removal(model));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                Sql.count(db, "SELECT count(*) FROM bank_source WHERE subject_key = ?", model.key()))
                        .isEqualTo(1));

        Bank replica = new Bank(reader, clock);
        assertThat(replica.loaded()).isFalse();
        replica.refresh();

        assertThat(replica.loaded()).isTrue();
        assertThat(replica.activeSources(weights))
                .singleElement()
                .satisfies(s -> assertThat(s.subjectKey()).isEqualTo(model.key()));
        RestAssured.get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'hash-bank' }.status", equalTo("UP"));
    }
}
