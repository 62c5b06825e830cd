package org.modhub.moderation.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.TestTokens.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventCodec;
import org.modhub.moderation.contracts.event.EventEnvelope;
import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequested;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.privacy.RetentionJob;
import org.modhub.moderation.kit.testapp.MutableClock;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * A data subject's requests as every service answers them through the kit (a request on privacy.requests, the answer
 * on privacy.answers, the audit log anonymised in place), and the daily retention run.
 */
@QuarkusTest
class PersonalDataTest {

    @Inject
    EventCodec codec;

    @Inject
    AuditTrail audit;

    @Inject
    DataSource db;

    @Inject
    RetentionJob retention;

    @Inject
    Clock clock;

    @Inject
    MutableClock mutableClock;

    @Test
    void accessFindsEverythingAndErasureKeepsOnlyTheHoldsWithTheAuditLogAnonymisedInPlace() throws Exception {
        String alice = "alice-" + UUID.randomUUID() + "@example.org";
        String bob = "bob-" + UUID.randomUUID() + "@example.org";
        UUID kept = note(alice, "held note", true, clock.instant());
        UUID gone = note(alice, "plain note", false, clock.instant());
        UUID bobs = note(bob, "bob's note", false, clock.instant());
        String entity = "report-" + UUID.randomUUID();
        OnVertx.await(() -> Panache.withTransaction(() -> audit.record(
                        "email:" + alice,
                        "report.filed",
                        "report",
                        entity,
                        null,
                        "filed by mail from " + alice.toUpperCase())
                .chain(() -> audit.record("staff-1", "report.read", "report", entity, null, "mail from " + bob))));

        try (KafkaProbe answers = KafkaProbe.from(Topics.PRIVACY_ANSWERS)) {
            UUID access = request(PrivacyRequestKind.ACCESS, alice);
            List<PersonalDataItem> found = answer(answers, access);
            assertThat(found)
                    .extracting(PersonalDataItem::kind, PersonalDataItem::id, PersonalDataItem::treatment)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("test-note", kept.toString(), ItemTreatment.FOUND),
                            org.assertj.core.groups.Tuple.tuple("test-note", gone.toString(), ItemTreatment.FOUND),
                            org.assertj.core.groups.Tuple.tuple("audit-log", "kit_audit_log", ItemTreatment.FOUND));
            assertThat(found.stream()
                            .filter(i -> i.id().equals(gone.toString()))
                            .findFirst()
                            .orElseThrow()
                            .fields())
                    .containsEntry("body", "plain note")
                    .containsEntry("owner", alice);
            assertThat(found.stream()
                            .filter(i -> i.kind().equals("audit-log"))
                            .findFirst()
                            .orElseThrow()
                            .fields()
                            .values())
                    .singleElement()
                    .asString()
                    .contains("report.filed");

            UUID erasure = request(PrivacyRequestKind.ERASURE, alice);
            List<PersonalDataItem> done = answer(answers, erasure);
            assertThat(done)
                    .extracting(PersonalDataItem::id, PersonalDataItem::treatment, PersonalDataItem::hold)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(kept.toString(), ItemTreatment.HELD, "test hold"),
                            org.assertj.core.groups.Tuple.tuple(gone.toString(), ItemTreatment.ERASED, null),
                            org.assertj.core.groups.Tuple.tuple("kit_audit_log", ItemTreatment.ANONYMISED, null));
            assertThat(done).allSatisfy(i -> assertThat(i.fields()).isEmpty());

            // The held note stays, the other is gone, bob's is untouched.
            assertThat(count(db, "SELECT count(*) FROM kit_test_person_note WHERE id = ?", kept))
                    .isEqualTo(1);
            assertThat(count(db, "SELECT count(*) FROM kit_test_person_note WHERE id = ?", gone))
                    .isZero();
            assertThat(count(db, "SELECT count(*) FROM kit_test_person_note WHERE id = ?", bobs))
                    .isEqualTo(1);
            // The audit log keeps both entries; alice's identifiers read as the anonymous reference, bob's stay.
            String ref = "erased:" + erasure;
            List<List<Object>> rows =
                    Sql.rows(db, "SELECT actor, detail FROM kit_audit_log WHERE entity_id = ? ORDER BY id", entity);
            assertThat(rows)
                    .containsExactly(List.of(ref, "filed by mail from " + ref), List.of("staff-1", "mail from " + bob));
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_audit_log WHERE lower(actor || ' ' || coalesce(detail, '')) LIKE ?",
                            "%" + alice + "%"))
                    .isZero();
            // The request itself is in the audit log, under its id.
            assertThat(count(
                            db,
                            "SELECT count(*) FROM kit_audit_log WHERE entity_id = ? AND action = 'privacy.erased'",
                            erasure.toString()))
                    .isEqualTo(1);

            // The log is still append-only for everything else.
            assertThatThrownBy(
                            () -> Sql.update(db, "UPDATE kit_audit_log SET detail = 'x' WHERE entity_id = ?", entity))
                    .rootCause()
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> Sql.update(db, "DELETE FROM kit_audit_log WHERE entity_id = ?", entity))
                    .rootCause()
                    .hasMessageContaining("append-only");

            // Asked again, only the hold is left to report.
            UUID again = request(PrivacyRequestKind.ERASURE, alice);
            assertThat(answer(answers, again))
                    .extracting(PersonalDataItem::id, PersonalDataItem::treatment)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(kept.toString(), ItemTreatment.HELD));
        }
    }

    @Test
    void aRequestNamingOnlyAnAccountIsAnsweredToo() throws Exception {
        String account = "acct-" + UUID.randomUUID();
        note("someone-" + UUID.randomUUID() + "@example.org", "not theirs", false, clock.instant());
        try (KafkaProbe answers = KafkaProbe.from(Topics.PRIVACY_ANSWERS)) {
            UUID id = UUID.randomUUID();
            PrivacyRequested request = new PrivacyRequested(
                    id, PrivacyRequestKind.ERASURE, account, List.of(), "legal-1", clock.instant());
            KafkaProbe.send(
                    Topics.PRIVACY_REQUESTS,
                    id.toString(),
                    codec.encode(EventEnvelope.of("/modhub/moderation/appeals-service", request)));
            assertThat(answer(answers, id)).isEmpty();
        }
    }

    @Test
    void aLongAnswerTravelsInPartsEachUnderThePartSize() throws Exception {
        String carol = "carol-" + UUID.randomUUID() + "@example.org";
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(note(carol, "n" + i + " " + "x".repeat(600), false, clock.instant()));
        }
        try (KafkaProbe answers = KafkaProbe.from(Topics.PRIVACY_ANSWERS)) {
            UUID access = request(PrivacyRequestKind.ACCESS, carol);
            List<PrivacyAnswered> parts = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                parts.clear();
                parts.addAll(answersTo(answers, access));
                assertThat(parts).isNotEmpty();
                assertThat(parts).hasSize(parts.get(0).parts());
            });
            assertThat(parts.get(0).parts()).isGreaterThan(1);
            assertThat(parts)
                    .extracting(PrivacyAnswered::part)
                    .containsExactlyInAnyOrder(java.util.stream.IntStream.rangeClosed(
                                    1, parts.get(0).parts())
                            .boxed()
                            .toArray(Integer[]::new));
            assertThat(parts.stream().flatMap(p -> p.items().stream()).map(PersonalDataItem::id))
                    .containsExactlyInAnyOrderElementsOf(
                            ids.stream().map(UUID::toString).toList());
        }
    }

    @Test
    void theDailyRunRemovesWhatExpiredInShortBatchesAndSaysSo() throws Exception {
        String dave = "dave-" + UUID.randomUUID() + "@example.org";
        Instant now = clock.instant();
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            old.add(note(dave, "old " + i, false, now.minus(Duration.ofDays(31))));
        }
        UUID fresh = note(dave, "fresh", false, now.minus(Duration.ofDays(29)));
        // The kit's own line: a timer that fired 91 days ago goes, one still pending stays.
        String timerKey = "user:" + dave;
        Sql.update(
                db,
                "INSERT INTO kit_timer (kind, timer_key, due_at, fired_at) VALUES ('test.reinstate', ?, ?, ?)",
                timerKey,
                java.sql.Timestamp.from(now.minus(Duration.ofDays(92))),
                java.sql.Timestamp.from(now.minus(Duration.ofDays(91))));
        Sql.update(
                db,
                "INSERT INTO kit_timer (kind, timer_key, due_at) VALUES ('test.pending', ?, ?)",
                timerKey,
                java.sql.Timestamp.from(now.plus(Duration.ofDays(3650))));

        Map<String, Integer> removed = OnVertx.await(retention::runNow);
        // Other tests' old notes may be removed too; dave's seven are, in batches of three, and the fresh one stays.
        assertThat(removed.get("test-notes")).isGreaterThanOrEqualTo(7);
        assertThat(count(db, "SELECT count(*) FROM kit_test_person_note WHERE owner_email = ?", dave))
                .isEqualTo(1);
        assertThat(count(db, "SELECT count(*) FROM kit_test_person_note WHERE id = ?", fresh))
                .isEqualTo(1);

        // Two more days, and the fresh note has expired as well.
        mutableClock.advance(Duration.ofDays(2));
        assertThat(OnVertx.await(retention::runNow)).containsEntry("test-notes", 1);
        assertThat(count(db, "SELECT count(*) FROM kit_test_person_note WHERE owner_email = ?", dave))
                .isZero();
        assertThat(OnVertx.await(retention::runNow)).containsEntry("test-notes", 0);
        assertThat(
                        count(
                                db,
                                "SELECT count(*) FROM kit_audit_log WHERE action = 'retention.purged' AND entity_id = 'test-notes'"))
                .isGreaterThanOrEqualTo(2);

        given().auth()
                .oauth2(token("lee", "legal"))
                .get("/api/v1/privacy/retention")
                .then()
                .statusCode(200)
                .body("schedule.kind", hasItem("test-notes"))
                .body("schedule.find { it.kind == 'test-notes' }.period", equalTo("PT720H"))
                .body("schedule.find { it.kind == 'test-notes' }.days", equalTo(30))
                .body("lastRun.removed.test-notes", equalTo(0));
        given().auth()
                .oauth2(token("mo", "moderator"))
                .get("/api/v1/privacy/retention")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("lee", "legal"))
                .post("/api/v1/privacy/retention/runs")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("ada", "admin"))
                .post("/api/v1/privacy/retention/runs")
                .then()
                .statusCode(200)
                .body("removed.test-notes", equalTo(0));
    }

    private UUID note(String owner, String body, boolean held, Instant at) {
        UUID id = UUID.randomUUID();
        Sql.update(
                db,
                "INSERT INTO kit_test_person_note (id, owner_email, body, held, written_at) VALUES (?, ?, ?, ?, ?)",
                id,
                owner,
                body,
                held,
                java.sql.Timestamp.from(at));
        return id;
    }

    private UUID request(PrivacyRequestKind kind, String email) {
        UUID id = UUID.randomUUID();
        PrivacyRequested request = new PrivacyRequested(id, kind, null, List.of(email), "legal-1", clock.instant());
        KafkaProbe.send(
                Topics.PRIVACY_REQUESTS,
                id.toString(),
                codec.encode(EventEnvelope.of("/modhub/moderation/appeals-service", request)));
        return id;
    }

    private List<PersonalDataItem> answer(KafkaProbe answers, UUID requestId) {
        List<PersonalDataItem> items = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<PrivacyAnswered> parts = answersTo(answers, requestId);
            assertThat(parts).hasSize(1);
            assertThat(parts.get(0).service()).isEqualTo("kit-test");
            items.clear();
            items.addAll(parts.get(0).items());
        });
        return items;
    }

    private List<PrivacyAnswered> answersTo(KafkaProbe answers, UUID requestId) {
        return answers.ofType(PrivacyAnswered.TYPE).stream()
                .map(v -> codec.data(codec.decode(v), PrivacyAnswered.class))
                .filter(a -> a.requestId().equals(requestId))
                .toList();
    }
}
