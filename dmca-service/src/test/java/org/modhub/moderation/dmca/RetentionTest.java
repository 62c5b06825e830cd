package org.modhub.moderation.dmca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.devstack.test.Sql.count;
import static org.modhub.moderation.devstack.test.Sql.rows;
import static org.modhub.moderation.devstack.test.Sql.update;
import static org.modhub.moderation.dmca.DmcaFixtures.HUB;
import static org.modhub.moderation.dmca.DmcaFixtures.WAIT;
import static org.modhub.moderation.dmca.DmcaFixtures.accept;
import static org.modhub.moderation.dmca.DmcaFixtures.as;
import static org.modhub.moderation.dmca.DmcaFixtures.claimantEmail;
import static org.modhub.moderation.dmca.DmcaFixtures.counterNotify;
import static org.modhub.moderation.dmca.DmcaFixtures.mailTo;
import static org.modhub.moderation.dmca.DmcaFixtures.reject;
import static org.modhub.moderation.dmca.DmcaFixtures.sendNotice;
import static org.modhub.moderation.dmca.DmcaFixtures.sendRouted;
import static org.modhub.moderation.dmca.DmcaFixtures.unique;
import static org.modhub.moderation.dmca.DmcaFixtures.uploader;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.kit.privacy.RetentionJob;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * The retention schedule (issue 26): each rule removes what passed its period and nothing younger. Rows are put at
 * known ages (an hour past and an hour short of their period); the run removes the first, the clock moves two hours,
 * and the next run removes the second. The public archive still reads an anonymised notice.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "dmca"))
class RetentionTest {

    private static final Duration RECORDS = Duration.ofDays(1095);
    private static final Duration REJECTED = Duration.ofDays(365);
    private static final Duration CORRESPONDENCE = Duration.ofDays(90);
    private static final Duration CLIENT_ADDRESSES = Duration.ofDays(30);
    private static final Duration HOUR = Duration.ofHours(1);

    private static final String EVIDENCE = """
            Dear Copyright Agent, we filed suit against the uploader on 20 November 2026, U.S. District Court for the
            Central District of California, case no. 2:26-cv-01234.
            The complaint as filed: https://acme-pictures.example/complaint-2-26-cv-01234.pdf""";

    @Inject
    MutableClock clock;

    @Inject
    DataSource db;

    @Inject
    RetentionJob retention;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** An accepted notice whose counter-notice a confirmed court action stopped: closed, with its evidence mail. */
    private record Closed(String noticeId, String claimant, String uploader, String counterId, String evidenceId) {}

    private Closed closedNotice() {
        String uploader = uploader();
        String claimant = claimantEmail();
        String url = HUB + uploader + "/model";
        String noticeId = sendNotice(claimant, url);
        accept(noticeId, uploader);
        String counterId = (String) counterNotify(uploader, noticeId, url).get("id");
        sendRouted(mailTo("dmca", claimant, "Re: Counter-notice", EVIDENCE, "dmca_notice:" + noticeId, List.of()));
        await().atMost(WAIT)
                .until(() ->
                        count(db, "SELECT count(*) FROM dmca_thread_mail WHERE notice_id = ?::uuid", noticeId) == 1);
        String evidenceId =
                String.valueOf(rows(db, "SELECT id FROM dmca_thread_mail WHERE notice_id = ?::uuid", noticeId)
                        .get(0)
                        .get(0));
        as("legal-1", "legal")
                .body(Map.of("court", "C.D. Cal.", "caseNumber", "2:26-cv-01234", "filedOn", "2026-11-20"))
                .post("/api/v1/dmca/evidence/" + evidenceId + "/confirm")
                .then()
                .statusCode(200);
        await().atMost(WAIT)
                .until(() -> count(db, "SELECT count(*) FROM dmca_strike WHERE notice_id = ?::uuid", noticeId) == 1);
        assertThat(closedAt(noticeId)).isNotNull();
        return new Closed(noticeId, claimant, uploader, counterId, evidenceId);
    }

    @Test
    void eachRuleRemovesWhatPassedItsPeriodAndNothingYounger() throws Exception {
        Instant now = clock.instant();
        // dmca-records and thread-mail: closed an hour more and an hour less than three years ago.
        Closed old = closedNotice();
        Closed young = closedNotice();
        age(old.noticeId(), Duration.between(now.minus(RECORDS).minus(HOUR), closedAt(old.noticeId())));
        age(young.noticeId(), Duration.between(now.minus(RECORDS).plus(HOUR), closedAt(young.noticeId())));
        // rejected-notices: rejected a year and an hour ago, and a year less an hour ago.
        String oldRejected = sendNotice(claimantEmail(), HUB + unique("ns") + "/model");
        reject(oldRejected);
        String youngRejected = sendNotice(claimantEmail(), HUB + unique("ns") + "/model");
        reject(youngRejected);
        setTime("dmca_notice", "updated_at", oldRejected, now.minus(REJECTED).minus(HOUR));
        setTime("dmca_notice", "updated_at", youngRejected, now.minus(REJECTED).plus(HOUR));
        // thread-correspondence and notice-client-addresses: a pending notice with two mails on its thread, and
        // another pending notice.
        String sender = claimantEmail();
        String pending = sendNotice(sender, HUB + unique("ns") + "/model");
        String otherPending = sendNotice(claimantEmail(), HUB + unique("ns") + "/model");
        sendRouted(mailTo("dmca", sender, "Any news?", "Any news on my notice?", "dmca_notice:" + pending, List.of()));
        sendRouted(mailTo("dmca", sender, "Any news?", "Still waiting.", "dmca_notice:" + pending, List.of()));
        await().atMost(WAIT)
                .until(() ->
                        count(db, "SELECT count(*) FROM dmca_thread_mail WHERE notice_id = ?::uuid", pending) == 2);
        List<String> mails = rows(
                        db,
                        "SELECT id FROM dmca_thread_mail WHERE notice_id = ?::uuid ORDER BY received_at, id",
                        pending)
                .stream()
                .map(r -> String.valueOf(r.get(0)))
                .toList();
        setTime(
                "dmca_thread_mail",
                "received_at",
                mails.get(0),
                now.minus(CORRESPONDENCE).minus(HOUR));
        setTime(
                "dmca_thread_mail",
                "received_at",
                mails.get(1),
                now.minus(CORRESPONDENCE).plus(HOUR));
        setTime(
                "dmca_notice",
                "received_at",
                pending,
                now.minus(CLIENT_ADDRESSES).minus(HOUR));
        setTime(
                "dmca_notice",
                "received_at",
                otherPending,
                now.minus(CLIENT_ADDRESSES).plus(HOUR));

        Map<String, Integer> first = OnVertx.await(retention::runNow);
        assertThat(first)
                .containsOnlyKeys(
                        "finished-timers",
                        "dmca-records",
                        "rejected-notices",
                        "thread-mail",
                        "thread-correspondence",
                        "notice-client-addresses");
        assertThat(first.get("dmca-records")).isPositive();
        assertAnonymised(old);
        assertKept(young);
        assertThat(exists("dmca_notice", oldRejected)).isFalse();
        assertThat(exists("dmca_notice", youngRejected)).isTrue();
        assertThat(exists("dmca_thread_mail", mails.get(0))).isFalse();
        assertThat(exists("dmca_thread_mail", mails.get(1))).isTrue();
        assertThat(clientAddress(pending)).isNull();
        assertThat(clientAddress(otherPending)).isNotNull();
        // The pending notices keep everything else.
        assertThat(count(
                        db,
                        "SELECT count(*) FROM dmca_notice WHERE id = ?::uuid AND contact_email = ?",
                        pending,
                        sender))
                .isEqualTo(1);

        // The public archive still reads the anonymised notice: claimant company, works and material.
        Map<String, Object> archived = archived(old.noticeId());
        assertThat(archived.get("claimant")).isEqualTo("Acme Pictures Inc.");
        assertThat(archived.get("copyrightedWorks"))
                .isEqualTo(List.of("The Acme Film Archive 2024 (call Jane at [redacted])"));
        assertThat(archived.get("infringingUrls")).isEqualTo(List.of(HUB + old.uploader() + "/model"));
        RestAssured.given().get("/api/v1/public/dmca/notices/export").then().statusCode(200);

        // Two hours on, the young ones have passed their periods too.
        clock.advance(HOUR.multipliedBy(2));
        Map<String, Integer> second = OnVertx.await(retention::runNow);
        assertThat(second.get("dmca-records")).isPositive();
        assertAnonymised(young);
        assertAnonymised(old);
        assertThat(exists("dmca_notice", youngRejected)).isFalse();
        assertThat(exists("dmca_thread_mail", mails.get(1))).isFalse();
        assertThat(clientAddress(otherPending)).isNull();
        assertThat(exists("dmca_notice", pending)).isTrue();
    }

    @Test
    void theScheduleListsEveryKindWithItsPeriodForLegalButNotForModerators() {
        JsonPath schedule = as("legal-1", "legal")
                .get("/api/v1/privacy/retention")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Map<String, String> periods = new java.util.HashMap<>();
        List<Map<String, Object>> lines = schedule.getList("schedule");
        lines.forEach(l -> periods.put((String) l.get("kind"), String.valueOf(l.get("period"))));
        assertThat(periods)
                .containsOnly(
                        Map.entry("dmca-records", RECORDS.toString()),
                        Map.entry("rejected-notices", REJECTED.toString()),
                        Map.entry("thread-mail", RECORDS.toString()),
                        Map.entry("thread-correspondence", CORRESPONDENCE.toString()),
                        Map.entry("notice-client-addresses", CLIENT_ADDRESSES.toString()),
                        Map.entry(
                                "finished-timers", java.time.Duration.ofDays(90).toString()));
        assertThat(lines)
                .allSatisfy(l -> assertThat((String) l.get("description")).isNotBlank());
        as("mod-1", "moderator").get("/api/v1/privacy/retention").then().statusCode(403);
        as("mod-1", "moderator").post("/api/v1/privacy/retention/runs").then().statusCode(403);
    }

    private void assertAnonymised(Closed c) {
        assertThat(rows(
                                db,
                                "SELECT contact_name, contact_email, contact_address, contact_phone, signature, sender_email, "
                                        + "client_address, original_text FROM dmca_notice WHERE id = ?::uuid",
                                c.noticeId())
                        .get(0))
                .containsOnlyNulls();
        assertThat(rows(
                                db,
                                "SELECT contact_organisation, status, anonymised_at IS NOT NULL FROM dmca_notice WHERE id = ?::uuid",
                                c.noticeId())
                        .get(0))
                .containsExactly("Acme Pictures Inc.", "ACCEPTED", true);
        assertThat(rows(
                                db,
                                "SELECT uploader_id, email, name, address, phone, signature FROM dmca_counter_notice "
                                        + "WHERE id = ?::uuid",
                                c.counterId())
                        .get(0))
                .containsExactly(
                        "erased:retention", "erased:retention", "[erased]", "[erased]", "[erased]", "[erased]");
        assertThat(rows(
                                db,
                                "SELECT uploader_id = 'erased:retention:' || id, uploader_name, uploader_email "
                                        + "FROM dmca_takedown WHERE notice_id = ?::uuid",
                                c.noticeId())
                        .get(0))
                .containsExactly(true, "erased:retention", "erased:retention");
        assertThat(count(
                        db,
                        "SELECT count(*) FROM dmca_strike WHERE notice_id = ?::uuid AND account_id = ?",
                        c.noticeId(),
                        c.uploader()))
                .isZero();
        assertThat(count(
                        db,
                        "SELECT count(*) FROM dmca_takedown WHERE uploader_id = ? OR uploader_email LIKE ?",
                        c.uploader(),
                        c.uploader() + "%"))
                .isZero();
        // The confirmed evidence went with the rest of the record (thread-mail).
        assertThat(exists("dmca_thread_mail", c.evidenceId())).isFalse();
    }

    private void assertKept(Closed c) {
        assertThat(rows(
                                db,
                                "SELECT contact_email, contact_name, signature, anonymised_at FROM dmca_notice WHERE id = ?::uuid",
                                c.noticeId())
                        .get(0))
                .containsExactly(c.claimant(), "Jane Roe", "/Jane Roe/", null);
        assertThat(rows(db, "SELECT uploader_id, name FROM dmca_counter_notice WHERE id = ?::uuid", c.counterId())
                        .get(0))
                .containsExactly(c.uploader(), "John Doe");
        assertThat(count(
                        db,
                        "SELECT count(*) FROM dmca_strike WHERE notice_id = ?::uuid AND account_id = ?",
                        c.noticeId(),
                        c.uploader()))
                .isEqualTo(1);
        assertThat(exists("dmca_thread_mail", c.evidenceId())).isTrue();
    }

    /** Moves every time on a notice and what hangs on it {@code by} into the past, as if it had happened then. */
    private void age(String noticeId, Duration by) {
        long s = by.toSeconds();
        update(
                db,
                "UPDATE dmca_notice SET received_at = received_at - make_interval(secs => ?), updated_at = updated_at - make_interval(secs => ?), reviewed_at = reviewed_at - make_interval(secs => ?) WHERE id = ?::uuid",
                s,
                s,
                s,
                noticeId);
        update(
                db,
                "UPDATE dmca_takedown SET created_at = created_at - make_interval(secs => ?), updated_at = updated_at - make_interval(secs => ?), ordered_at = ordered_at - make_interval(secs => ?) WHERE notice_id = ?::uuid",
                s,
                s,
                s,
                noticeId);
        update(
                db,
                "UPDATE dmca_counter_notice SET received_at = received_at - make_interval(secs => ?), restore_at = restore_at - make_interval(secs => ?), court_action_at = court_action_at - make_interval(secs => ?), restored_at = restored_at - make_interval(secs => ?) WHERE notice_id = ?::uuid",
                s,
                s,
                s,
                s,
                noticeId);
        update(
                db,
                "UPDATE dmca_strike SET recorded_at = recorded_at - make_interval(secs => ?) WHERE notice_id = ?::uuid",
                s,
                noticeId);
        update(
                db,
                "UPDATE dmca_thread_mail SET received_at = received_at - make_interval(secs => ?), decided_at = decided_at - make_interval(secs => ?) WHERE notice_id = ?::uuid",
                s,
                s,
                noticeId);
    }

    private void setTime(String table, String column, String id, Instant at) {
        update(
                db,
                "UPDATE " + table + " SET " + column + " = ? WHERE id = ?::uuid",
                java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC),
                id);
    }

    /** The notice as the public archive shows it, walking its pages (newest decision first) until it comes. */
    private static Map<String, Object> archived(String noticeId) {
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            var request = RestAssured.given().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath json = request.get("/api/v1/public/dmca/notices")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            List<Map<String, Object>> items = json.getList("items");
            for (Map<String, Object> item : items) {
                if (noticeId.equals(item.get("id"))) {
                    return item;
                }
            }
            cursor = json.getString("nextCursor");
            if (cursor == null) {
                break;
            }
        }
        throw new AssertionError("notice " + noticeId + " is not in the public archive");
    }

    private boolean exists(String table, String id) {
        return count(db, "SELECT count(*) FROM " + table + " WHERE id = ?::uuid", id) == 1;
    }

    private Object clientAddress(String noticeId) {
        return rows(db, "SELECT client_address FROM dmca_notice WHERE id = ?::uuid", noticeId)
                .get(0)
                .get(0);
    }

    private Instant closedAt(String noticeId) {
        return PersonalDataTest.instant(
                rows(db, "SELECT closed_at FROM dmca_notice_closing WHERE notice_id = ?::uuid", noticeId)
                        .get(0)
                        .get(0));
    }
}
