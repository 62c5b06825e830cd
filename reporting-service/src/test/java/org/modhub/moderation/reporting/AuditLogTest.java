package org.modhub.moderation.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.modhub.moderation.reporting.ReportingFixtures.as;
import static org.modhub.moderation.reporting.ReportingFixtures.auditOf;
import static org.modhub.moderation.reporting.ReportingFixtures.file;
import static org.modhub.moderation.reporting.ReportingFixtures.mail;
import static org.modhub.moderation.reporting.ReportingFixtures.newModel;
import static org.modhub.moderation.reporting.ReportingFixtures.newUser;
import static org.modhub.moderation.reporting.ReportingFixtures.noAction;
import static org.modhub.moderation.reporting.ReportingFixtures.reportOnModel;
import static org.modhub.moderation.reporting.ReportingFixtures.sendDecision;
import static org.modhub.moderation.reporting.ReportingFixtures.sendMail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * Every state change a person makes here — staff triage and release, staff actions on notifiers, trusted-flagger
 * marks, a notifier's withdrawal — and the service's own warnings, suspensions and reinstatements are in the
 * append-only audit log, which auditors (and admins) read and no one else.
 */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "reporting"))
class AuditLogTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SYSTEM = "system:reporting-service";

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void staffActionsOnANotifierAreReadByAnAuditorWithWhoDidThemAndAUserIsRefused() {
        String notifier = "user:" + newUser("target");
        String mod = newUser("mod");
        as(mod, "moderator")
                .body(Map.of("reason", "Copy-pasted reports"))
                .post("/api/v1/notifiers/" + notifier + "/warn")
                .then()
                .statusCode(200);
        as(mod, "moderator")
                .body(Map.of(
                        "reason",
                        "Still copy-pasting",
                        "until",
                        Instant.now().plusSeconds(2).toString()))
                .post("/api/v1/notifiers/" + notifier + "/suspend")
                .then()
                .statusCode(200);
        // The suspension ends by itself: the service reinstates, as itself.
        await().atMost(WAIT)
                .untilAsserted(() -> auditOf(notifier)
                        .body(
                                "items.action",
                                contains("NOTIFIER_WARNED", "NOTIFIER_SUSPENDED", "NOTIFIER_REINSTATED")));
        as(mod, "moderator")
                .body(Map.of("reason", "Again"))
                .post("/api/v1/notifiers/" + notifier + "/suspend")
                .then()
                .statusCode(200);
        as(mod, "moderator")
                .body(Map.of("reason", "Appeal upheld"))
                .post("/api/v1/notifiers/" + notifier + "/lift")
                .then()
                .statusCode(200);
        as(mod, "moderator")
                .body(Map.of("reason", "Noisy"))
                .post("/api/v1/notifiers/" + notifier + "/mute")
                .then()
                .statusCode(200);
        as(mod, "moderator")
                .body(Map.of("reason", "Calmer now"))
                .post("/api/v1/notifiers/" + notifier + "/unmute")
                .then()
                .statusCode(200);
        as("admin-1", "admin")
                .put("/api/v1/notifiers/" + notifier + "/trusted-flagger")
                .then()
                .statusCode(200);
        // Marking again changes nothing and records nothing.
        as("admin-1", "admin")
                .put("/api/v1/notifiers/" + notifier + "/trusted-flagger")
                .then()
                .statusCode(200);
        as("admin-1", "admin")
                .delete("/api/v1/notifiers/" + notifier + "/trusted-flagger")
                .then()
                .statusCode(200);

        auditOf(notifier)
                .body(
                        "items.action",
                        contains(
                                "NOTIFIER_WARNED",
                                "NOTIFIER_SUSPENDED",
                                "NOTIFIER_REINSTATED",
                                "NOTIFIER_SUSPENDED",
                                "NOTIFIER_REINSTATED",
                                "NOTIFIER_MUTED",
                                "NOTIFIER_UNMUTED",
                                "TRUSTED_FLAGGER_MARKED",
                                "TRUSTED_FLAGGER_UNMARKED"))
                .body("items.actor", contains(mod, mod, SYSTEM, mod, mod, mod, mod, "admin-1", "admin-1"))
                .body("items.entityType", everyItem(equalTo("notifier")))
                .body("items[0].detail", equalTo("Copy-pasted reports"))
                .body("items[4].detail", equalTo("Appeal upheld"));
        // Admins read it too; nobody else.
        as("admin-2", "admin")
                .queryParam("entityId", notifier)
                .get("/api/v1/audit-log")
                .then()
                .statusCode(200);
        as(newUser("nosy"), "user")
                .get("/api/v1/audit-log")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        as(mod, "moderator").get("/api/v1/audit-log").then().statusCode(403);
    }

    @Test
    void theLaddersOwnWarningAndSuspensionAreRecordedAsTheServicesActs() {
        String user = newUser("ladder");
        List<UUID> reports = List.of(
                UUID.fromString(file(user, reportOnModel(newModel()))),
                UUID.fromString(file(user, reportOnModel(newModel()))),
                UUID.fromString(file(user, reportOnModel(newModel()))));
        for (UUID report : reports) {
            String subject = Sql.rows(db, "SELECT subject_key FROM report WHERE id = ?", report)
                    .get(0)
                    .get(0)
                    .toString();
            sendDecision(noAction(subject, List.of(report), true));
        }
        await().atMost(WAIT)
                .untilAsserted(() -> auditOf("user:" + user)
                        .body("items.action", contains("NOTIFIER_WARNED", "NOTIFIER_SUSPENDED"))
                        .body("items.actor", contains(SYSTEM, SYSTEM)));
    }

    @Test
    void staffTriageAndReleaseOfReportsAreRecordedWithTheStaffMember() {
        String from = "sam-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        sendMail(mail(
                "safety", from, "Please look", "Something is off with https://huggingface.co/" + newModel(), null));
        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                Sql.count(db, "SELECT count(*) FROM report WHERE notifier_key = ?", "email:" + from))
                        .isEqualTo(1));
        String triaged = Sql.rows(db, "SELECT id FROM report WHERE notifier_key = ?", "email:" + from)
                .get(0)
                .get(0)
                .toString();
        as("mod-9", "moderator")
                .body(Map.of("category", "harmful_or_abusive", "subcategory", "bullying"))
                .post("/api/v1/reports/" + triaged + "/triage")
                .then()
                .statusCode(200);

        String muted = newUser("muted");
        as("mod-9", "moderator")
                .body(Map.of("reason", "Floods the queue"))
                .post("/api/v1/notifiers/user:" + muted + "/mute")
                .then()
                .statusCode(200);
        String held = file(muted, reportOnModel(newModel()));
        as("mod-8", "senior-moderator")
                .post("/api/v1/reports/" + held + "/release")
                .then()
                .statusCode(200);

        auditOf(triaged)
                .body("items.action", contains("REPORT_TRIAGED"))
                .body("items[0].actor", equalTo("mod-9"))
                .body("items[0].entityType", equalTo("report"))
                .body("items[0].detail", equalTo("category harmful_or_abusive/bullying"));
        auditOf(held)
                .body("items.action", contains("REPORT_RELEASED"))
                .body("items[0].actor", equalTo("mod-8"))
                .body("items[0].subjectKey", org.hamcrest.Matchers.startsWith("model:"));
    }
}
