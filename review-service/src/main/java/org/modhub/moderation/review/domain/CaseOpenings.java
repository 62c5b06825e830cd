package org.modhub.moderation.review.domain;

import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.review.CaseOpened;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.timer.Timers;
import org.modhub.moderation.review.persistence.CaseEntity;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A case just persisted enters the queue, in the caller's transaction: its due-time timer and {@code CaseOpened}.
 * Every way a case opens (a report, a match, a strike, a body's finding) ends here, so none forgets either.
 */
@ApplicationScoped
public class CaseOpenings {

    private final Timers timers;
    private final Outbox outbox;

    public CaseOpenings(Timers timers, Outbox outbox) {
        this.timers = timers;
        this.outbox = outbox;
    }

    /** {@code c} (persisted, due time set) is open on {@code subject}, answering {@code reportIds}. */
    Uni<Void> announce(CaseEntity c, SubjectRef subject, List<UUID> reportIds) {
        return timers.schedule(CaseService.SLA_TIMER, c.id.toString(), c.dueAt, null)
                .chain(() -> outbox.publish(
                        Topics.REVIEW_EVENTS,
                        EventSources.REVIEW_SERVICE,
                        new CaseOpened(
                                c.id,
                                subject,
                                c.category,
                                c.subcategory,
                                c.severity,
                                c.origin,
                                reportIds,
                                c.noticeId,
                                c.appealId,
                                c.openedAt)))
                .replaceWithVoid();
    }
}
