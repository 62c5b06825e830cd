package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.Sql;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/** DSA Art. 22 against PostgreSQL: a trusted flagger's notice is decided with priority and sooner. */
@QuarkusTest
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class TrustedFlaggerQueueTest {

    @Inject
    DataSource db;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aCaseWithATrustedFlaggersNoticeComesBeforeEveryOtherCaseOfItsSeverityAndIsDueInHalfTheTime() {
        String tag = newUser("tf");
        SubjectRef plain = SubjectRef.model(tag, "plain");
        SubjectRef escalated = SubjectRef.model(tag, "escalated");
        SubjectRef busy = SubjectRef.model(tag, "busy");
        SubjectRef trusted = SubjectRef.model(tag, "trusted");
        sendReport(spam(plain));
        String escalatedCase = newCase(db, escalated);
        for (int i = 0; i < 3; i++) {
            sendReport(spam(busy));
        }
        sendReport(report(trusted, PolicyCategory.PLATFORM_ABUSE, PolicySubcategory.SPAM, true, newUser("flagger")));
        awaitCase(db, plain, 1);
        awaitCase(db, busy, 3);
        String trustedCase = awaitCase(db, trusted, 1);
        moderator("mod")
                .body(Map.of("reason", "Looks coordinated"))
                .post("/api/v1/cases/" + escalatedCase + "/escalate")
                .then()
                .statusCode(200);

        // The queue, LOW cases only, walked page by page: our four in the order the README states.
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = moderator("mod").queryParam("priority", "LOW").queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/cases");
            page.then().statusCode(200);
            page.jsonPath().<String>getList("items.subject").stream()
                    .filter(s -> s.contains(tag + "/"))
                    .forEach(order::add);
            cursor = page.jsonPath().getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(order).containsExactly(trusted.key(), escalated.key(), busy.key(), plain.key());

        // LOW is due after 7 days; a trusted flagger's notice after half of that.
        var times = Sql.rows(db, "SELECT opened_at, due_at FROM review_case WHERE id = ?::uuid", trustedCase)
                .get(0);
        assertThat(Duration.between(
                        ((java.sql.Timestamp) times.get(0)).toInstant(),
                        ((java.sql.Timestamp) times.get(1)).toInstant()))
                .isEqualTo(Duration.ofHours(84));
        var timer = Sql.rows(
                db, "SELECT due_at FROM kit_timer WHERE kind = 'review.case-due' AND timer_key = ?", trustedCase);
        assertThat(((java.sql.Timestamp) timer.get(0).get(0)).toInstant())
                .isEqualTo(((java.sql.Timestamp) times.get(1)).toInstant());
    }

    @Test
    void aTrustedFlaggersNoticeJoiningACaseBringsItsDueTimeForward() {
        SubjectRef model = newModel();
        String caseId = newCase(db, model);
        var before = ((java.sql.Timestamp) Sql.rows(db, "SELECT due_at FROM review_case WHERE id = ?::uuid", caseId)
                        .get(0)
                        .get(0))
                .toInstant();
        sendReport(report(model, PolicyCategory.PLATFORM_ABUSE, PolicySubcategory.SPAM, true, newUser("flagger")));
        awaitCase(db, model, 2);
        var after = ((java.sql.Timestamp) Sql.rows(db, "SELECT due_at FROM review_case WHERE id = ?::uuid", caseId)
                        .get(0)
                        .get(0))
                .toInstant();
        assertThat(after).isBefore(before.minus(Duration.ofDays(3)));
        moderator("mod")
                .get("/api/v1/cases/" + caseId)
                .then()
                .statusCode(200)
                .body("summary.trustedReports", org.hamcrest.Matchers.equalTo(1));
        assertThat(OffsetDateTime.now().toInstant().plus(Duration.ofHours(85))).isAfter(after);
    }
}
