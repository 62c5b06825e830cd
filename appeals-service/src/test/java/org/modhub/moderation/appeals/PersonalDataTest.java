package org.modhub.moderation.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.appeals.AppealsFixtures.answerTo;
import static org.modhub.moderation.appeals.AppealsFixtures.as;
import static org.modhub.moderation.appeals.AppealsFixtures.dispute;
import static org.modhub.moderation.appeals.AppealsFixtures.known;
import static org.modhub.moderation.appeals.AppealsFixtures.newModel;
import static org.modhub.moderation.appeals.AppealsFixtures.newUser;
import static org.modhub.moderation.appeals.AppealsFixtures.noAction;
import static org.modhub.moderation.appeals.AppealsFixtures.privacyRequest;
import static org.modhub.moderation.appeals.AppealsFixtures.reportBy;
import static org.modhub.moderation.appeals.AppealsFixtures.resolve;
import static org.modhub.moderation.appeals.AppealsFixtures.restriction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * A data subject's access and erasure requests (GDPR Arts. 15 and 17) as they arrive on privacy.requests: the answer
 * on privacy.answers lists everything this service holds about the person, then what an erasure did with each item;
 * afterwards the database names them only in the held records, the other person's data is untouched, and the
 * complaint figures (DSA Arts. 15(1)(d), 24(1)(b)) and dispute figures (Art. 24(1)(a)) add up as before.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "appeals"))
class PersonalDataTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anAccessRequestFindsEverythingAndAnErasureLeavesOnlyTheHolds() {
        Instant from = Instant.now().minus(1, ChronoUnit.HOURS);
        Instant to = Instant.now().plus(1, ChronoUnit.HOURS);
        String person = newUser("subject");
        String email = person + "@example.org";
        String other = newUser("other");
        String otherEmail = other + "@example.org";

        // The person as owner: an appeal still open, two found manifestly unfounded (a warning on the ladder).
        DecisionTaken open = known(db, restriction(person, List.of()));
        String openAppeal = AppealsFixtures.file(person, open.decisionId());
        DecisionTaken first = known(db, restriction(person, List.of()));
        String resolved1 = AppealsFixtures.file(person, first.decisionId());
        resolve(resolved1, "Upheld; we wrote to " + email + " about the casino links.", true);
        DecisionTaken second = known(db, restriction(person, List.of()));
        String resolved2 = AppealsFixtures.file(person, second.decisionId());
        resolve(resolved2, "Upheld.", true);
        // The second came by mail, as LegalMailIntake records one: its Message-ID is kept against redelivery.
        Sql.update(
                db,
                "UPDATE appeal SET mail_message_id = ? WHERE id = ?::uuid",
                "<" + UUID.randomUUID() + "@mail>",
                resolved2);
        // The person as notifier: their report on the other's model, answered without action.
        ReportFiled report = reportBy(person, "DE", newModel());
        known(db, noAction(other, List.of(report.reportId()), false), report);
        // The other's report on the person's model (a decision copy naming the person as owner, and the other's
        // notifier
        // row), and the other's own appeal, whose arguments name the person.
        ReportFiled otherReport = reportBy(other, "FR", newModel());
        DecisionTaken onOthersReport = known(db, noAction(person, List.of(otherReport.reportId()), false), otherReport);
        DecisionTaken othersDecision = known(db, restriction(other, List.of()));
        Map<String, Object> body = new HashMap<>(AppealsFixtures.appealAgainst(othersDecision.decisionId()));
        body.put("arguments", "I am " + otherEmail + ". The report came from " + email + ", a competitor of mine.");
        String othersAppeal = as(other, "user")
                .body(body)
                .post("/api/v1/appeals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        resolve(othersAppeal, "Upheld.", false);
        // Disputes: one about the person's appeal whose notes name them, one of the other's.
        String settlementBody = "Test Body " + UUID.randomUUID();
        String personsDispute =
                dispute(first.decisionId(), resolved1, settlementBody, "Brought by " + email + "; asked for the file.");
        String othersDispute =
                dispute(othersDecision.decisionId(), othersAppeal, settlementBody, "Brought by " + otherEmail + ".");

        Map<?, ?> figuresBefore = figures(from, to);
        Map<?, ?> disputeFiguresBefore = disputeFigures();

        try (KafkaProbe answers = KafkaProbe.from(Topics.PRIVACY_ANSWERS)) {
            // Access: everything found, with its data.
            UUID access = privacyRequest(PrivacyRequestKind.ACCESS, person, List.of(email));
            List<PersonalDataItem> found = answerTo(answers, access);
            assertThat(found).extracting(PersonalDataItem::treatment).containsOnly(ItemTreatment.FOUND);
            assertThat(ids(found, "appeal")).containsExactlyInAnyOrder(openAppeal, resolved1, resolved2);
            PersonalDataItem appeal = item(found, "appeal", resolved1);
            assertThat(appeal.fields())
                    .containsEntry("appellantEmail", email)
                    .containsEntry("appellantId", person)
                    .containsEntry("outcome", "UPHELD")
                    .containsEntry("evidenceUrls", "https://example.org/sponsorship-contract.pdf");
            assertThat(appeal.fields().get("arguments")).contains("legitimate sponsorship notice");
            assertThat(appeal.why()).contains("DSA Art. 20").contains("365 days");
            assertThat(item(found, "appeal", resolved2).fields()).containsKey("mailMessageId");
            // Only the sentence of the other's appeal that names the person, not the other's own address.
            assertThat(item(found, "appeal-mention", othersAppeal).fields().get("arguments"))
                    .isEqualTo("The report came from " + email + ", a competitor of mine.");
            assertThat(item(found, "appellant-standing", "user:" + person).fields())
                    .containsEntry("unfoundedAppeals", "2")
                    .containsEntry("warnings", "1")
                    .containsEntry("appellantEmail", email);
            assertThat(items(found, "appellant-sanction"))
                    .singleElement()
                    .satisfies(s -> assertThat(s.fields()).containsEntry("kind", "WARNED"));
            assertThat(item(found, "report-notifier", report.reportId().toString())
                            .fields())
                    .containsEntry("reporterId", person)
                    .containsEntry("reporterEmail", email)
                    .containsEntry("jurisdiction", "DE");
            assertThat(ids(found, "decision-copy"))
                    .hasSize(4)
                    .contains(open.decisionId().toString());
            assertThat(item(found, "dispute", personsDispute).fields().get("notes"))
                    .contains(email);
            assertThat(ids(found, "dispute")).doesNotContain(othersDispute);
            assertThat(items(found, "audit-log")).hasSize(1);
            assertThat(found).allSatisfy(i -> assertThat(i.what()).isNotBlank());
            assertThat(found)
                    .flatExtracting(i -> List.copyOf(i.fields().values()))
                    .noneMatch(v -> v.contains(otherEmail));

            // Erasure: what no rule keeps is erased or anonymised; the open appeal and the decisions are held.
            UUID erasure = privacyRequest(PrivacyRequestKind.ERASURE, person, List.of(email));
            String ref = "erased:" + erasure;
            List<PersonalDataItem> done = answerTo(answers, erasure);
            assertThat(done).allSatisfy(i -> assertThat(i.fields()).isEmpty());
            assertThat(treatment(done, "appeal", openAppeal)).isEqualTo(ItemTreatment.HELD);
            assertThat(item(done, "appeal", openAppeal).hold()).isEqualTo("DSA Art. 20: complaint under handling");
            assertThat(treatment(done, "appeal", resolved1)).isEqualTo(ItemTreatment.ANONYMISED);
            assertThat(treatment(done, "appeal", resolved2)).isEqualTo(ItemTreatment.ANONYMISED);
            assertThat(treatment(done, "appeal-mention", othersAppeal)).isEqualTo(ItemTreatment.ANONYMISED);
            assertThat(treatment(done, "appellant-standing", "user:" + person)).isEqualTo(ItemTreatment.ERASED);
            assertThat(items(done, "appellant-sanction"))
                    .singleElement()
                    .extracting(PersonalDataItem::treatment)
                    .isEqualTo(ItemTreatment.ANONYMISED);
            assertThat(treatment(done, "report-notifier", report.reportId().toString()))
                    .isEqualTo(ItemTreatment.ERASED);
            assertThat(items(done, "decision-copy"))
                    .hasSize(4)
                    .allSatisfy(i ->
                            assertThat(i.hold()).isEqualTo("DSA Art. 17 statement of reasons and enforcement ledger"));
            assertThat(treatment(done, "dispute", personsDispute)).isEqualTo(ItemTreatment.ANONYMISED);
            assertThat(treatment(done, "audit-log", "kit_audit_log")).isEqualTo(ItemTreatment.ANONYMISED);

            // The database names the person only in what is held.
            assertThat(Sql.rows(
                            db,
                            "SELECT id::text FROM appeal WHERE appellant_key = ? OR appellant_id = ? "
                                    + "OR lower(appellant_email) = ? OR arguments ILIKE ? OR explanation ILIKE ?",
                            "user:" + person,
                            person,
                            email,
                            "%" + email + "%",
                            "%" + email + "%"))
                    .extracting(r -> r.get(0))
                    .containsExactly(openAppeal);
            List<Object> anonymised = Sql.rows(
                            db,
                            "SELECT appellant_key, appellant_id, appellant_email, arguments, cardinality(evidence_urls), "
                                    + "mail_message_id, outcome, anonymised_at IS NOT NULL FROM appeal WHERE id = ?::uuid",
                            resolved2)
                    .get(0);
            assertThat(anonymised).containsExactly(ref, null, null, "[erased]", 0, null, "UPHELD", true);
            assertThat(Sql.rows(db, "SELECT explanation FROM appeal WHERE id = ?::uuid", resolved1)
                            .get(0)
                            .get(0))
                    .isEqualTo("Upheld; we wrote to " + ref + " about the casino links.");
            assertThat(Sql.count(
                            db, "SELECT count(*) FROM appellant_standing WHERE appellant_key = ?", "user:" + person))
                    .isZero();
            assertThat(Sql.rows(db, "SELECT kind FROM appellant_sanction WHERE appellant_key = ?", ref))
                    .extracting(r -> r.get(0))
                    .containsExactly("WARNED");
            assertThat(Sql.count(
                            db, "SELECT count(*) FROM appellant_sanction WHERE appellant_key = ?", "user:" + person))
                    .isZero();
            assertThat(Sql.count(db, "SELECT count(*) FROM report_notifier WHERE report_id = ?", report.reportId()))
                    .isZero();
            assertThat(Sql.count(db, "SELECT count(*) FROM decision_copy WHERE owner_id = ?", person))
                    .isEqualTo(4);
            assertThat(Sql.rows(db, "SELECT notes FROM dispute WHERE id = ?::uuid", personsDispute)
                            .get(0)
                            .get(0))
                    .isEqualTo("Brought by " + ref + "; asked for the file.");
            assertThat(Sql.count(
                            db,
                            "SELECT count(*) FROM kit_audit_log WHERE actor = ? OR entity_id = ? OR detail ILIKE ?",
                            person,
                            "user:" + person,
                            "%" + email + "%"))
                    .isZero();

            // The other person's data is untouched.
            assertThat(Sql.rows(db, "SELECT arguments FROM appeal WHERE id = ?::uuid", othersAppeal)
                            .get(0)
                            .get(0))
                    .isEqualTo("I am " + otherEmail + ". The report came from " + ref + ", a competitor of mine.");
            assertThat(Sql.count(db, "SELECT count(*) FROM appeal WHERE appellant_id = ?", other))
                    .isOne();
            assertThat(Sql.count(
                            db, "SELECT count(*) FROM appellant_standing WHERE appellant_key = ?", "user:" + other))
                    .isOne();
            assertThat(Sql.count(
                            db, "SELECT count(*) FROM report_notifier WHERE report_id = ?", otherReport.reportId()))
                    .isOne();
            assertThat(Sql.rows(db, "SELECT notes FROM dispute WHERE id = ?::uuid", othersDispute)
                            .get(0)
                            .get(0))
                    .isEqualTo("Brought by " + otherEmail + ".");

            // The figures of the transparency report add up as before: anonymised appeals and steps still count.
            assertThat(figures(from, to)).isEqualTo(figuresBefore);
            assertThat(disputeFigures()).isEqualTo(disputeFiguresBefore);

            // Again: only the holds are found.
            UUID again = privacyRequest(PrivacyRequestKind.ERASURE, person, List.of(email));
            List<PersonalDataItem> holds = answerTo(answers, again);
            assertThat(holds).extracting(PersonalDataItem::treatment).containsOnly(ItemTreatment.HELD);
            assertThat(holds)
                    .extracting(i -> i.kind() + " " + i.id())
                    .containsExactlyInAnyOrder(
                            "appeal " + openAppeal,
                            "decision-copy " + open.decisionId(),
                            "decision-copy " + first.decisionId(),
                            "decision-copy " + second.decisionId(),
                            "decision-copy " + onOthersReport.decisionId());
        }
    }

    @Test
    void aSuspendedAppellantsStandingIsHeldUntilTheSuspensionEnds() {
        String person = newUser("suspended");
        String email = person + "@example.org";
        for (int i = 0; i < 3; i++) {
            DecisionTaken decision = known(db, restriction(person, List.of()));
            resolve(AppealsFixtures.file(person, decision.decisionId()), "Upheld.", true);
        }
        String until = as("legal-1", "legal")
                .get("/api/v1/appellants/user:" + person)
                .then()
                .statusCode(200)
                .extract()
                .path("suspendedUntil");
        assertThat(until).isNotNull();

        try (KafkaProbe answers = KafkaProbe.from(Topics.PRIVACY_ANSWERS)) {
            UUID erasure = privacyRequest(PrivacyRequestKind.ERASURE, null, List.of(email.toUpperCase()));
            List<PersonalDataItem> done = answerTo(answers, erasure);
            PersonalDataItem standing = item(done, "appellant-standing", "user:" + person);
            assertThat(standing.treatment()).isEqualTo(ItemTreatment.HELD);
            assertThat(standing.hold()).isEqualTo("DSA Art. 23(2)");
            assertThat(standing.heldUntil()).isEqualTo(Instant.parse(until));
            assertThat(items(done, "appellant-sanction"))
                    .extracting(PersonalDataItem::treatment)
                    .containsExactly(ItemTreatment.HELD, ItemTreatment.HELD);
            assertThat(items(done, "reinstatement-timer"))
                    .singleElement()
                    .extracting(PersonalDataItem::treatment)
                    .isEqualTo(ItemTreatment.HELD);
            // Found by address alone: the resolved appeals lose the person all the same.
            assertThat(items(done, "appeal"))
                    .hasSize(3)
                    .extracting(PersonalDataItem::treatment)
                    .containsOnly(ItemTreatment.ANONYMISED);
            // The suspension still works: the standing names the person and the timer will end it.
            assertThat(Sql.count(
                            db,
                            "SELECT count(*) FROM appellant_standing WHERE appellant_key = ? AND suspended_until > now()",
                            "user:" + person))
                    .isOne();
            assertThat(Sql.count(
                            db, "SELECT count(*) FROM appellant_sanction WHERE appellant_key = ?", "user:" + person))
                    .isEqualTo(2);
            assertThat(Sql.count(db, "SELECT count(*) FROM appeal WHERE lower(appellant_email) = ?", email))
                    .isZero();
        }
    }

    private Map<?, ?> figures(Instant from, Instant to) {
        return as("auditor-1", "auditor")
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/api/v1/appeals/figures")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }

    private Map<?, ?> disputeFigures() {
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        return as("auditor-1", "auditor")
                .queryParam("from", today)
                .queryParam("to", today)
                .get("/api/v1/disputes/figures")
                .then()
                .statusCode(200)
                .extract()
                .as(Map.class);
    }

    private static List<PersonalDataItem> items(List<PersonalDataItem> items, String kind) {
        return items.stream().filter(i -> i.kind().equals(kind)).toList();
    }

    private static List<String> ids(List<PersonalDataItem> items, String kind) {
        return items(items, kind).stream().map(PersonalDataItem::id).collect(Collectors.toList());
    }

    private static PersonalDataItem item(List<PersonalDataItem> items, String kind, String id) {
        return items(items, kind).stream()
                .filter(i -> i.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + id + " in " + items));
    }

    private static ItemTreatment treatment(List<PersonalDataItem> items, String kind, String id) {
        return item(items, kind, id).treatment();
    }
}
