package org.modhub.moderation.dmca.messaging;

import java.util.UUID;

import org.modhub.moderation.dmca.domain.RestorationClock;
import org.modhub.moderation.dmca.domain.StrikeService;
import org.modhub.moderation.dmca.domain.TakedownService;
import org.modhub.moderation.kit.timer.DueTimer;
import org.modhub.moderation.kit.timer.TimerHandler;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The service's timers; each fires once on any replica, in the transaction that marks it fired. */
public final class TimerHandlers {

    private TimerHandlers() {}

    /** The restoration clock of a counter-notice ran out. */
    @ApplicationScoped
    public static class Restore implements TimerHandler {
        private final RestorationClock clock;

        public Restore(RestorationClock clock) {
            this.clock = clock;
        }

        @Override
        public String kind() {
            return RestorationClock.RESTORE_TIMER;
        }

        @Override
        public Uni<Void> fire(DueTimer timer) {
            return clock.restorationDue(UUID.fromString(timer.key()));
        }
    }

    /** The owner's window to remove only the infringing files ended. */
    @ApplicationScoped
    public static class PartialWindow implements TimerHandler {
        private final TakedownService takedowns;

        public PartialWindow(TakedownService takedowns) {
            this.takedowns = takedowns;
        }

        @Override
        public String kind() {
            return TakedownService.PARTIAL_WINDOW_TIMER;
        }

        @Override
        public Uni<Void> fire(DueTimer timer) {
            return takedowns.partialWindowElapsed(UUID.fromString(timer.key()));
        }
    }

    /** A takedown was not countered within the grace period. */
    @ApplicationScoped
    public static class Strike implements TimerHandler {
        private final StrikeService strikes;

        public Strike(StrikeService strikes) {
            this.strikes = strikes;
        }

        @Override
        public String kind() {
            return StrikeService.STRIKE_TIMER;
        }

        @Override
        public Uni<Void> fire(DueTimer timer) {
            return strikes.strikeDue(UUID.fromString(timer.key()));
        }
    }
}
