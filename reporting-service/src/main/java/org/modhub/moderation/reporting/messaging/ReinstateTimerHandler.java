package org.modhub.moderation.reporting.messaging;

import org.modhub.moderation.kit.timer.DueTimer;
import org.modhub.moderation.kit.timer.TimerHandler;
import org.modhub.moderation.reporting.domain.NotifierSanctions;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Ends a suspension when its time runs out: {@code NotifierReinstated}, once, on any replica. */
@ApplicationScoped
public class ReinstateTimerHandler implements TimerHandler {

    private final NotifierSanctions sanctions;

    public ReinstateTimerHandler(NotifierSanctions sanctions) {
        this.sanctions = sanctions;
    }

    @Override
    public String kind() {
        return NotifierSanctions.REINSTATE_TIMER;
    }

    @Override
    public Uni<Void> fire(DueTimer timer) {
        return sanctions.expire(timer.key());
    }
}
