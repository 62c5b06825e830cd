package org.modhub.moderation.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.modhub.moderation.review.ReviewFixtures.*;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.modhub.moderation.devstack.test.DevStackResource;
import org.modhub.moderation.devstack.test.OnVertx;
import org.modhub.moderation.devstack.test.Sql;
import org.modhub.moderation.kit.config.KitConfig;
import org.modhub.moderation.kit.timer.TimerHandler;
import org.modhub.moderation.kit.timer.TimerMeters;
import org.modhub.moderation.kit.timer.TimerWorker;
import org.modhub.moderation.review.domain.OwnerService;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The owner's deadline lives in the database, not in the process that set it: this application
 * runs with its timer worker off (as if it went down after asking the owner), the deadline passes
 * and nothing happens; then a new worker, which never saw the request, fires it.
 */
@QuarkusTest
@TestProfile(OwnerDeadlineAfterRestartTest.WorkerDown.class)
@WithTestResource(
        value = DevStackResource.class,
        initArgs = @ResourceArg(name = DevStackResource.SERVICE, value = "review"))
class OwnerDeadlineAfterRestartTest {

    public static class WorkerDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kit.timers.enabled", "false");
        }
    }

    @Inject
    DataSource db;

    @Inject
    @Any
    Instance<TimerHandler> handlers;

    @Inject
    KitConfig kitConfig;

    @Inject
    Clock clock;

    @Inject
    TimerMeters meters;

    @Inject
    Pool pool;

    @Test
    void theDeadlineFiresInANewWorkerAfterTheOneThatScheduledItIsGone() throws Exception {
        String caseId = claim(newCase(db, newModel()), "mia");
        Map<String, Object> body = spamDecision(List.of("REQUEST_CHANGES"));
        body.put("changesRequested", "Remove the advertisement.");
        moderator("mia")
                .body(body)
                .post("/api/v1/cases/" + caseId + "/decisions")
                .then()
                .statusCode(201);
        String requestId = Sql.rows(db, "SELECT id FROM owner_request WHERE case_id = ?::uuid", caseId)
                .get(0)
                .get(0)
                .toString();
        makeDue(db, OwnerService.DEADLINE_TIMER, requestId);

        // Nobody is running timers: the passed deadline changes nothing yet.
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> state(db, caseId).equals("AWAITING_OWNER"));

        TimerWorker fresh = new TimerWorker(handlers, kitConfig, clock, meters, pool);
        OnVertx.await(fresh::fireDueIfAny);

        assertThat(state(db, caseId)).isEqualTo("OPEN");
        assertThat(Sql.rows(db, "SELECT escalated, escalation_reason FROM review_case WHERE id = ?::uuid", caseId)
                        .get(0))
                .containsExactly(true, "OWNER_DEADLINE_EXPIRED");
        assertThat(Sql.count(
                        db,
                        "SELECT count(*) FROM kit_timer WHERE kind = ? AND timer_key = ? AND fired_at IS NOT NULL",
                        OwnerService.DEADLINE_TIMER,
                        requestId))
                .isEqualTo(1);
    }
}
