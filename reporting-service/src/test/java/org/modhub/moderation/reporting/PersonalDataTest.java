package org.modhub.moderation.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.reporting.ReportingFixtures.as;
import static org.modhub.moderation.reporting.ReportingFixtures.file;
import static org.modhub.moderation.reporting.ReportingFixtures.mail;
import static org.modhub.moderation.reporting.ReportingFixtures.newModel;
import static org.modhub.moderation.reporting.ReportingFixtures.newUser;
import static org.modhub.moderation.reporting.ReportingFixtures.noAction;
import static org.modhub.moderation.reporting.ReportingFixtures.privacyAnswer;
import static org.modhub.moderation.reporting.ReportingFixtures.reportOnModel;
import static org.modhub.moderation.reporting.ReportingFixtures.requestPrivacy;
import static org.modhub.moderation.reporting.ReportingFixtures.sendDecision;
import static org.modhub.moderation.reporting.ReportingFixtures.sendMail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyAnswered;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * A data subject's access and erasure requests (GDPR Arts. 15, 17; issue 26), as appeals-service's privacy ledger sends
 * them on privacy.requests: what reporting-service answers on privacy.answers, and what is left in its database.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class PersonalDataTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static List<PersonalDataItem> answer(KafkaProbe answers, UUID requestId) {
        List<PrivacyAnswered> parts =
                await().atMost(WAIT).until(() -> privacyAnswer(answers, requestId), Objects::nonNull);
        return parts.stream().flatMap(p -> p.items().stream()).toList();
    }

    private static List<PersonalDataItem> ofKind(List<PersonalDataItem> items, String kind) {
        return items.stream().filter(i -> i.kind().equals(kind)).toList();
    }

    private static PersonalDataItem item(List<PersonalDataItem> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    /** Rows of {@code table} whose any column mentions {@code text} (any case). */
    private long rowsMentioning(String table, String text) {
        return count(db, "SELECT count(*) FROM " + table + " t WHERE CAST(t AS text) ILIKE ?", "%" + text + "%");
    }

    @Test
    void aNotifierGetsEverythingReportingHoldsAndAnErasureLeavesOnlyTheirSuspensionHeld() {
        String alice = newUser("alice");
        String aliceMail = alice + "@example.org"; // the address in her token
        String bob = newUser("bob");
        String model = newModel();
        String mailedModel = newModel();

        // Alice reports in-platform (her words quote her address), withdraws a second report, and mails safety@.
        Map<String, Object> body = reportOnModel(model);
        body.put("explanation", "Casino spam in every discussion; write to " + aliceMail + " for screenshots.");
        body.put("showReporterPublicly", true);
        String filed = file(alice, body);
        String withdrawn = file(alice, reportOnModel(newModel()));
        as(alice, "user")
                .body(Map.of("reason", "Wrong model, sorry — " + alice))
                .post("/api/v1/reports/" + withdrawn + "/withdraw")
                .then()
                .statusCode(200);
        sendMail(mail(
                "safety",
                "Alice <" + aliceMail + ">",
                "Spam on the hub",
                "Spam at https://huggingface.co/" + mailedModel + " — reach me at " + aliceMail + "\nAlice",
                null));
        await().atMost(WAIT)
                .until(() ->
                        count(db, "SELECT count(*) FROM report WHERE notifier_key = ?", "email:" + aliceMail) == 1);
        String mailed =
                (String) rows(db, "SELECT CAST(id AS text) FROM report WHERE notifier_key = ?", "email:" + aliceMail)
                        .get(0)
                        .get(0);
        // Her mail address is suspended by staff (DSA Art. 23): that standing must outlive an erasure.
        Instant until = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        as("mod-1", "moderator")
                .body(Map.of("reason", "Repeated unfounded reports", "until", until.toString()))
                .post("/api/v1/notifiers/email:" + aliceMail + "/suspend")
                .then()
                .statusCode(200);
        // She opted in to be named on the public view of her report.
        ReportingFixtures.anonymous()
                .get("/api/v1/public/reports/" + filed)
                .then()
                .statusCode(200)
                .body("reporter", equalTo(alice));
        // Bob, another notifier, on another model.
        String bobsModel = newModel();
        String bobs = file(bob, reportOnModel(bobsModel));

        try (KafkaProbe answers = KafkaProbe.from(Topics.PRIVACY_ANSWERS)) {
            // Access: every report and standing of hers, with the data itself; nothing of Bob's.
            UUID access = requestPrivacy(PrivacyRequestKind.ACCESS, alice, List.of(aliceMail));
            List<PersonalDataItem> found = answer(answers, access);
            assertThat(found).allSatisfy(i -> assertThat(i.treatment()).isEqualTo(ItemTreatment.FOUND));
            List<PersonalDataItem> reports = ofKind(found, "report");
            assertThat(reports).extracting(PersonalDataItem::id).containsExactlyInAnyOrder(filed, withdrawn, mailed);
            assertThat(reports).allSatisfy(i -> {
                assertThat(i.what()).isNotBlank();
                assertThat(i.why()).contains("183 days");
            });
            assertThat(item(reports, filed).fields())
                    .containsEntry("reporterId", alice)
                    .containsEntry("reporterName", alice)
                    .containsEntry("contactEmail", aliceMail)
                    .containsEntry("notifierKey", "user:" + alice)
                    .containsEntry("subject", "model:" + model)
                    .containsEntry("showReporterPublicly", "true");
            assertThat(item(reports, filed).fields().get("explanation")).contains(aliceMail);
            assertThat(item(reports, withdrawn).fields())
                    .containsEntry("withdrawalReason", "Wrong model, sorry — " + alice);
            assertThat(item(reports, mailed).fields().get("originalMail")).contains(mailedModel);
            assertThat(item(reports, mailed).fields()).containsEntry("contactEmail", aliceMail);
            List<PersonalDataItem> standings = ofKind(found, "notifier-standing");
            assertThat(standings)
                    .extracting(PersonalDataItem::id)
                    .containsExactlyInAnyOrder("user:" + alice, "email:" + aliceMail);
            assertThat(item(standings, "email:" + aliceMail).fields())
                    .containsEntry("suspensionReason", "Repeated unfounded reports")
                    .containsEntry("suspensions", "1");
            assertThat(item(standings, "user:" + alice).fields()).containsEntry("reportsFiled", "2");
            // An access request changes nothing.
            assertThat(count(db, "SELECT count(*) FROM report WHERE reporter_id = ?", alice))
                    .isEqualTo(2);

            // Erasure: the reports lose her, the standing without a suspension goes, the suspended one is held.
            UUID erasure = requestPrivacy(PrivacyRequestKind.ERASURE, alice, List.of(aliceMail));
            String ref = "erased:" + erasure;
            List<PersonalDataItem> done = answer(answers, erasure);
            assertThat(done).allSatisfy(i -> assertThat(i.fields()).isEmpty());
            assertThat(ofKind(done, "report"))
                    .extracting(PersonalDataItem::id, PersonalDataItem::treatment)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(filed, ItemTreatment.ANONYMISED),
                            org.assertj.core.groups.Tuple.tuple(withdrawn, ItemTreatment.ANONYMISED),
                            org.assertj.core.groups.Tuple.tuple(mailed, ItemTreatment.ANONYMISED));
            List<PersonalDataItem> standingsDone = ofKind(done, "notifier-standing");
            assertThat(item(standingsDone, "user:" + alice).treatment()).isEqualTo(ItemTreatment.ERASED);
            PersonalDataItem held = item(standingsDone, "email:" + aliceMail);
            assertThat(held.treatment()).isEqualTo(ItemTreatment.HELD);
            assertThat(held.hold()).contains("DSA Art. 23(1)");
            assertThat(held.heldUntil()).isCloseTo(until, within(1, ChronoUnit.SECONDS));

            // In the database: her identifiers are nowhere in the reports, which stay (for the record and the
            // figures) under the request's anonymous reference, her words included; only the held standing names her.
            assertThat(rowsMentioning("report", alice)).isZero();
            assertThat(rows(
                            db,
                            "SELECT notifier_key, anonymised_at IS NOT NULL, original_text IS NULL, mail_message_id IS NULL"
                                    + " FROM report WHERE CAST(id AS text) IN (?, ?, ?)",
                            filed,
                            withdrawn,
                            mailed))
                    .hasSize(3)
                    .allSatisfy(r -> assertThat(r).containsExactly(ref, true, true, true));
            assertThat((String) rows(db, "SELECT explanation FROM report WHERE CAST(id AS text) = ?", filed)
                            .get(0)
                            .get(0))
                    .isEqualTo("Casino spam in every discussion; write to " + ref + " for screenshots.");
            assertThat(rows(
                            db,
                            "SELECT notifier_key FROM notifier_standing t WHERE CAST(t AS text) ILIKE ?",
                            "%" + alice + "%"))
                    .containsExactly(List.of("email:" + aliceMail));
            assertThat(rowsMentioning("kit_audit_log", aliceMail)).isZero();
            // What she would notice: her reports are no longer hers, and the public view names no one.
            as(alice, "user").get("/api/v1/reports/mine").then().statusCode(200).body("items", empty());
            ReportingFixtures.anonymous()
                    .get("/api/v1/public/reports/" + filed)
                    .then()
                    .statusCode(200)
                    .body("reporter", nullValue());
            // Bob's data is untouched.
            assertThat(rows(
                            db,
                            "SELECT reporter_id, contact_email, notifier_key, anonymised_at FROM report"
                                    + " WHERE CAST(id AS text) = ?",
                            bobs))
                    .containsExactly(java.util.Arrays.asList(bob, bob + "@example.org", "user:" + bob, null));
            assertThat(count(db, "SELECT count(*) FROM notifier_standing WHERE notifier_key = ?", "user:" + bob))
                    .isEqualTo(1);

            // A second erasure finds only the hold.
            UUID again = requestPrivacy(PrivacyRequestKind.ERASURE, alice, List.of(aliceMail));
            assertThat(answer(answers, again))
                    .extracting(PersonalDataItem::kind, PersonalDataItem::id, PersonalDataItem::treatment)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            "notifier-standing", "email:" + aliceMail, ItemTreatment.HELD));
        }

        // A decision reaching her anonymised report later is recorded, but nobody is mailed about it and no standing
        // climbs the misuse ladder under the anonymous reference; Bob, in the same decision, is told.
        sendDecision(noAction("model:" + model, List.of(UUID.fromString(filed), UUID.fromString(bobs)), true));
        await().atMost(WAIT)
                .until(() -> count(
                                db,
                                "SELECT count(*) FROM report WHERE status = 'DECIDED' AND CAST(id AS text) IN (?, ?)",
                                filed,
                                bobs)
                        == 2);
        assertThat(outcomeMails(bobs)).isEqualTo(1);
        assertThat(outcomeMails(filed)).isZero();
        assertThat(count(db, "SELECT count(*) FROM notifier_standing WHERE notifier_key LIKE 'erased:%'"))
                .isZero();
    }

    private long outcomeMails(String reportId) {
        return count(
                db,
                "SELECT count(*) FROM kit_outbox WHERE topic = ? AND payload LIKE ? AND payload LIKE ?",
                Topics.NOTIFICATION_REQUESTS,
                "%report-outcome%",
                "%" + reportId + "%");
    }
}
