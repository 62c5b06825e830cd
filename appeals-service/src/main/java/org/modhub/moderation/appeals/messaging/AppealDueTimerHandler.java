package org.modhub.moderation.appeals.messaging;

import java.util.UUID;

import org.modhub.moderation.appeals.domain.AppealReview;
import org.modhub.moderation.kit.timer.DueTimer;
import org.modhub.moderation.kit.timer.TimerHandler;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Escalates an appeal still open at its due time, once, on any replica. */
@ApplicationScoped
public class AppealDueTimerHandler implements TimerHandler {

    private final AppealReview appeals;

    public AppealDueTimerHandler(AppealReview appeals) {
        this.appeals = appeals;
    }

    @Override
    public String kind() {
        return AppealReview.DUE_TIMER;
    }

    @Override
    public Uni<Void> fire(DueTimer timer) {
        return appeals.escalate(UUID.fromString(timer.key()));
    }
}
