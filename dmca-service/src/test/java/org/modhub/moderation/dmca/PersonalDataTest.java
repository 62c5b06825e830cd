package org.modhub.moderation.dmca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.devstack.test.Sql.update;
import static org.modhub.moderation.dmca.DmcaFixtures.HUB;
import static org.modhub.moderation.dmca.DmcaFixtures.WAIT;
import static org.modhub.moderation.dmca.DmcaFixtures.accept;
import static org.modhub.moderation.dmca.DmcaFixtures.awaitAnswer;
import static org.modhub.moderation.dmca.DmcaFixtures.claimantEmail;
import static org.modhub.moderation.dmca.DmcaFixtures.counterNotify;
import static org.modhub.moderation.dmca.DmcaFixtures.mail;
import static org.modhub.moderation.dmca.DmcaFixtures.mailOf;
import static org.modhub.moderation.dmca.DmcaFixtures.mailTo;
import static org.modhub.moderation.dmca.DmcaFixtures.reject;
import static org.modhub.moderation.dmca.DmcaFixtures.requestPrivacy;
import static org.modhub.moderation.dmca.DmcaFixtures.sendMail;
import static org.modhub.moderation.dmca.DmcaFixtures.sendNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.sendRouted;
import static org.modhub.moderation.dmca.DmcaFixtures.takedownOf;
import static org.modhub.moderation.dmca.DmcaFixtures.unique;
import static org.modhub.moderation.dmca.DmcaFixtures.uploader;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.privacy.ItemTreatment;
import org.modhub.moderation.contracts.event.privacy.PersonalDataItem;
import org.modhub.moderation.contracts.event.privacy.PrivacyRequestKind;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.KafkaProbe;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * A data subject's access and erasure requests (issue 26): the person is a claimant (notices by REST and by mail) and
 * an uploader (takedowns, a counter-notice, strikes, a mail on a takedown's thread). Access lists all of it with its
 * data; erasure deletes what was never acted on, holds the 512(g) records and the strikes that count, anonymises a
 * strike that no longer counts, and leaves everyone else's data as it was.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class PersonalDataTest {

    @Inject
    MutableClock clock;

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void accessFindsEverythingAndErasureDeletesWhatNoRuleKeepsAndHoldsThe512Records() {
        // The person: a hub account that uploads, which also claims from an address of its own.
        String person = uploader();
        String personMail = mailOf(person);
        String personClaims = unique("pat") + "@mail.example";
        // Others: a claimant against the person's content, an uploader the person claims against.
        String claimant = claimantEmail();
        String other = uploader();

        // The person's notices: accepted (against the other uploader), rejected, and one by mail, incomplete.
        String claimed = sendNotice(personClaims, HUB + other + "/model");
        accept(claimed, other);
        String rejected = sendNotice(personClaims, HUB + unique("ns") + "/model");
        reject(rejected);
        sendMail(
                "dmca",
                mail(
                        "Pat Person <" + personClaims + ">",
                        "DMCA takedown notice",
                        "Copyrighted work: my song \"Tides\". The model at " + HUB + unique("ns")
                                + "/song copies it. Call me on +1 312 555 0188.",
                        null));
        await().atMost(WAIT)
                .until(() -> count(
                                db,
                                "SELECT count(*) FROM dmca_notice WHERE sender_email = ? AND channel = 'EMAIL'",
                                personClaims)
                        == 1);
        String mailed = String.valueOf(
                rows(db, "SELECT id FROM dmca_notice WHERE sender_email = ? AND channel = 'EMAIL'", personClaims)
                        .get(0)
                        .get(0));

        // Against the person's content: one countered (and restored), two that stand (strikes).
        String countered = sendNotice(claimant, HUB + person + "/one");
        accept(countered, person);
        String counterId =
                (String) counterNotify(person, countered, HUB + person + "/one").get("id");
        String counteredTakedown = takedownOf(countered);
        sendRouted(mailTo(
                "dmca",
                personMail,
                "Re: takedown",
                "Pat Person here, 14 Elm Row: I licensed the lyrics, see my counter-notice.",
                "dmca_takedown:" + counteredTakedown,
                List.of()));
        await().atMost(WAIT)
                .until(() ->
                        count(db, "SELECT count(*) FROM dmca_thread_mail WHERE sender_email = ?", personMail) == 1);
        String personsMail =
                String.valueOf(rows(db, "SELECT id FROM dmca_thread_mail WHERE sender_email = ?", personMail)
                        .get(0)
                        .get(0));
        String stood = sendNotice(claimant, HUB + person + "/two");
        accept(stood, person);
        String stoodOld = sendNotice(claimant, HUB + person + "/three");
        accept(stoodOld, person);
        String stoodTakedown = takedownOf(stood);
        String stoodOldTakedown = takedownOf(stoodOld);
        String otherTakedown = takedownOf(claimed);

        // A month on: the counter-notice restored its content, the others stood (strikes, the other uploader's too).
        clock.advance(Duration.ofDays(31));
        await().atMost(WAIT)
                .until(() ->
                        count(db, "SELECT count(*) FROM dmca_strike WHERE account_id IN (?, ?)", person, other) == 3
                                && count(
                                                db,
                                                "SELECT count(*) FROM dmca_counter_notice WHERE id = ?::uuid AND status = 'RESTORED'",
                                                counterId)
                                        == 1);
        // One of the person's strikes is older than the 730-day lookback: it no longer counts.
        update(
                db,
                "UPDATE dmca_strike SET recorded_at = recorded_at - interval '800 days' WHERE takedown_id = ?::uuid",
                stoodOldTakedown);
        String strike = strikeOf(stoodTakedown);
        String oldStrike = strikeOf(stoodOldTakedown);

        try (KafkaProbe answers = KafkaProbe.from(Topics.PRIVACY_ANSWERS)) {
            // Access: every item, each with its data.
            UUID access = requestPrivacy(PrivacyRequestKind.ACCESS, person, personMail, personClaims);
            Map<String, PersonalDataItem> found = byId(awaitAnswer(answers, access));
            assertThat(found.values())
                    .filteredOn(i -> i.kind().startsWith("dmca-"))
                    .extracting(i -> i.kind() + " " + i.id())
                    .containsExactlyInAnyOrder(
                            "dmca-notice " + claimed,
                            "dmca-notice " + rejected,
                            "dmca-notice " + mailed,
                            "dmca-takedown " + counteredTakedown,
                            "dmca-takedown " + stoodTakedown,
                            "dmca-takedown " + stoodOldTakedown,
                            "dmca-counter-notice " + counterId,
                            "dmca-strike " + strike,
                            "dmca-strike " + oldStrike,
                            "dmca-thread-mail " + personsMail);
            assertThat(found.values()).allSatisfy(i -> {
                assertThat(i.treatment()).isEqualTo(ItemTreatment.FOUND);
                assertThat(i.fields()).isNotEmpty();
                assertThat(i.what()).isNotBlank();
                assertThat(i.why()).isNotBlank();
            });
            assertThat(found.get(claimed).fields())
                    .containsEntry("contactEmail", personClaims)
                    .containsEntry("contactName", "Jane Roe")
                    .containsEntry("contactPhone", "+1 818 555 0199")
                    .containsEntry("signature", "/Jane Roe/")
                    .containsKey("clientAddress");
            assertThat(found.get(mailed).fields().get("originalText")).contains("+1 312 555 0188");
            assertThat(found.get(counterId).fields())
                    .containsEntry("name", "John Doe")
                    .containsEntry("address", "10 Main Street, Springfield, IL 62701")
                    .containsEntry("phone", "+1 217 555 0142")
                    .containsEntry("signature", "/John Doe/");
            assertThat(found.get(stoodTakedown).fields())
                    .containsEntry("uploaderId", person)
                    .containsEntry("uploaderEmail", personMail);
            assertThat(found.get(strike).fields()).containsEntry("accountId", person);
            assertThat(found.get(personsMail).fields().get("body")).contains("14 Elm Row");
            // Access changes nothing.
            assertThat(count(db, "SELECT count(*) FROM dmca_notice WHERE contact_email = ?", personClaims))
                    .isEqualTo(3);

            // Erasure.
            UUID erasure = requestPrivacy(PrivacyRequestKind.ERASURE, person, personMail, personClaims);
            Map<String, PersonalDataItem> erased = byId(awaitAnswer(answers, erasure));
            Instant claimedClosed = closedAt(claimed);
            Instant counteredClosed = closedAt(countered);
            assertThat(claimedClosed).isNotNull();
            assertThat(counteredClosed).isNotNull();
            assertHeld(erased.get(claimed), "17 U.S.C. 512(g) and 507(b)", claimedClosed.plus(Duration.ofDays(1095)));
            assertHeld(
                    erased.get(counteredTakedown),
                    "17 U.S.C. 512(g) and 507(b)",
                    counteredClosed.plus(Duration.ofDays(1095)));
            assertHeld(
                    erased.get(counterId), "17 U.S.C. 512(g) and 507(b)", counteredClosed.plus(Duration.ofDays(1095)));
            assertHeld(
                    erased.get(stoodTakedown),
                    "17 U.S.C. 512(g) and 507(b)",
                    closedAt(stood).plus(Duration.ofDays(1095)));
            assertHeld(
                    erased.get(stoodOldTakedown),
                    "17 U.S.C. 512(g) and 507(b)",
                    closedAt(stoodOld).plus(Duration.ofDays(1095)));
            assertHeld(
                    erased.get(strike),
                    "17 U.S.C. 512(i) repeat-infringer policy",
                    recordedAt(strike).plus(Duration.ofDays(730)));
            assertThat(erased.get(oldStrike).treatment()).isEqualTo(ItemTreatment.ANONYMISED);
            assertThat(erased.get(rejected).treatment()).isEqualTo(ItemTreatment.ERASED);
            assertThat(erased.get(mailed).treatment()).isEqualTo(ItemTreatment.ERASED);
            assertThat(erased.get(personsMail).treatment()).isEqualTo(ItemTreatment.ERASED);
            assertThat(erased.values()).allSatisfy(i -> assertThat(i.fields()).isEmpty());

            // In the database: the person's identifiers remain only in the held rows.
            assertThat(ids(
                            "SELECT id FROM dmca_notice WHERE lower(contact_email) = ? OR sender_email = ?",
                            personClaims,
                            personClaims))
                    .containsExactly(claimed);
            assertThat(count(db, "SELECT count(*) FROM dmca_notice WHERE id IN (?::uuid, ?::uuid)", rejected, mailed))
                    .isZero();
            assertThat(count(
                            db,
                            "SELECT count(*) FROM dmca_thread_mail WHERE sender_email IN (?, ?) OR body LIKE '%Elm Row%'",
                            personMail,
                            personClaims))
                    .isZero();
            assertThat(ids("SELECT id FROM dmca_strike WHERE account_id = ?", person))
                    .containsExactly(strike);
            assertThat(rows(db, "SELECT account_id, account_name FROM dmca_strike WHERE id = ?::uuid", oldStrike)
                            .get(0))
                    .containsOnly("erased:" + erasure);
            assertThat(ids(
                            "SELECT id FROM dmca_takedown WHERE uploader_id = ? OR uploader_email = ?",
                            person,
                            personMail))
                    .containsExactlyInAnyOrder(counteredTakedown, stoodTakedown, stoodOldTakedown);
            assertThat(ids("SELECT id FROM dmca_counter_notice WHERE uploader_id = ?", person))
                    .containsExactly(counterId);

            // Everyone else's data is as it was: the claimant's notices, the other uploader's takedown and strike.
            assertThat(count(
                            db,
                            "SELECT count(*) FROM dmca_notice WHERE contact_email = ? AND contact_name = 'Jane Roe' "
                                    + "AND signature = '/Jane Roe/' AND contact_phone = '+1 818 555 0199'",
                            claimant))
                    .isEqualTo(3);
            assertThat(rows(
                                    db,
                                    "SELECT uploader_id, uploader_email FROM dmca_takedown WHERE id = ?::uuid",
                                    otherTakedown)
                            .get(0))
                    .containsExactly(other, mailOf(other));
            assertThat(count(db, "SELECT count(*) FROM dmca_strike WHERE account_id = ?", other))
                    .isEqualTo(1);

            // The public archive still reads the accepted notices.
            JsonPath archive = RestAssured.given()
                    .get("/api/v1/public/dmca/notices?limit=100")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(archive.getList("items.id", String.class)).contains(claimed, countered, stood, stoodOld);

            // A second erasure finds only the holds.
            UUID again = requestPrivacy(PrivacyRequestKind.ERASURE, person, personMail, personClaims);
            List<PersonalDataItem> second = awaitAnswer(answers, again);
            assertThat(second)
                    .filteredOn(i -> i.kind().startsWith("dmca-"))
                    .allSatisfy(i -> assertThat(i.treatment()).isEqualTo(ItemTreatment.HELD))
                    .extracting(PersonalDataItem::id)
                    .containsExactlyInAnyOrder(
                            claimed, counteredTakedown, stoodTakedown, stoodOldTakedown, counterId, strike);
        }
    }

    private static void assertHeld(PersonalDataItem item, String rule, Instant until) {
        assertThat(item.treatment()).isEqualTo(ItemTreatment.HELD);
        assertThat(item.hold()).isEqualTo(rule);
        assertThat(item.heldUntil()).isEqualTo(until);
    }

    private static Map<String, PersonalDataItem> byId(List<PersonalDataItem> items) {
        return items.stream().collect(Collectors.toMap(PersonalDataItem::id, Function.identity()));
    }

    private List<String> ids(String sql, Object... params) {
        return rows(db, sql, params).stream().map(r -> String.valueOf(r.get(0))).toList();
    }

    private String strikeOf(String takedownId) {
        return String.valueOf(rows(db, "SELECT id FROM dmca_strike WHERE takedown_id = ?::uuid", takedownId)
                .get(0)
                .get(0));
    }

    private Instant closedAt(String noticeId) {
        return instant(rows(db, "SELECT closed_at FROM dmca_notice_closing WHERE notice_id = ?::uuid", noticeId)
                .get(0)
                .get(0));
    }

    private Instant recordedAt(String strikeId) {
        return instant(rows(db, "SELECT recorded_at FROM dmca_strike WHERE id = ?::uuid", strikeId)
                .get(0)
                .get(0));
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
