package org.modhub.moderation.appeals.messaging;

import org.modhub.moderation.appeals.domain.AppellantStandingService;
import org.modhub.moderation.kit.timer.DueTimer;
import org.modhub.moderation.kit.timer.TimerHandler;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Ends an appellant's suspension when its time runs out, once, on any replica. */
@ApplicationScoped
public class ReinstateTimerHandler implements TimerHandler {

    private final AppellantStandingService standings;

    public ReinstateTimerHandler(AppellantStandingService standings) {
        this.standings = standings;
    }

    @Override
    public String kind() {
        return AppellantStandingService.REINSTATE_TIMER;
    }

    @Override
    public Uni<Void> fire(DueTimer timer) {
        return standings.expire(timer.key());
    }
}
