package org.modhub.moderation.review.messaging;

import java.util.UUID;

import org.modhub.moderation.kit.timer.DueTimer;
import org.modhub.moderation.kit.timer.TimerHandler;
import org.modhub.moderation.review.domain.CaseService;
import org.modhub.moderation.review.domain.Enforcement;
import org.modhub.moderation.review.domain.OwnerService;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The service's timers; each fires once, on any replica, in the transaction that marks it fired. */
public final class TimerHandlers {

    private TimerHandlers() {}

    /** A case's due time passed: escalate it. */
    @ApplicationScoped
    public static class CaseDue implements TimerHandler {
        private final CaseService cases;

        public CaseDue(CaseService cases) {
            this.cases = cases;
        }

        @Override
        public String kind() {
            return CaseService.SLA_TIMER;
        }

        @Override
        public Uni<Void> fire(DueTimer timer) {
            return cases.dueTimeReached(UUID.fromString(timer.key()));
        }
    }

    /** The owner's deadline passed: the case returns to the queue escalated. */
    @ApplicationScoped
    public static class OwnerDeadline implements TimerHandler {
        private final OwnerService owners;

        public OwnerDeadline(OwnerService owners) {
            this.owners = owners;
        }

        @Override
        public String kind() {
            return OwnerService.DEADLINE_TIMER;
        }

        @Override
        public Uni<Void> fire(DueTimer timer) {
            return owners.deadlineReached(UUID.fromString(timer.key()));
        }
    }

    /** A restriction's end date came: it lifts itself. */
    @ApplicationScoped
    public static class RestrictionEnd implements TimerHandler {
        private final Enforcement enforcement;

        public RestrictionEnd(Enforcement enforcement) {
            this.enforcement = enforcement;
        }

        @Override
        public String kind() {
            return Enforcement.END_DATE_TIMER;
        }

        @Override
        public Uni<Void> fire(DueTimer timer) {
            return enforcement.endDateReached(UUID.fromString(timer.key()));
        }
    }
}
