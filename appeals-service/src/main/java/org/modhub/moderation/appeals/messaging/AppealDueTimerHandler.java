package org.modhub.moderation.appeals.messaging;

import java.util.UUID;

import org.modhub.moderation.appeals.domain.AppealService;
import org.modhub.moderation.kit.timer.DueTimer;
import org.modhub.moderation.kit.timer.TimerHandler;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Escalates an appeal still open at its due time, once, on any replica. */
@ApplicationScoped
public class AppealDueTimerHandler implements TimerHandler {

    private final AppealService appeals;

    public AppealDueTimerHandler(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public String kind() {
        return AppealService.DUE_TIMER;
    }

    @Override
    public Uni<Void> fire(DueTimer timer) {
        return appeals.escalate(UUID.fromString(timer.key()));
    }
}
