package org.modhub.moderation.review.transparency;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.modhub.moderation.contracts.event.appeals.AppealFiled;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.appeals.AppellantSuspended;
import org.modhub.moderation.contracts.event.appeals.DisputeRecorded;
import org.modhub.moderation.contracts.event.appeals.DisputeSettled;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.CounterNoticeReceived;
import org.modhub.moderation.contracts.event.dmca.CourtActionReported;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.contracts.event.reporting.NotifierSuspended;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records, in {@code transparency_fact}, what other services announce and the transparency report
 * counts. Called by the consumers inside the transaction that marks the event processed, so each
 * event becomes exactly one fact (a dispute's ending replaces the earlier one: the latest counts).
 * Only ids, times and enumerated values are kept, never names or addresses.
 */
@ApplicationScoped
public class TransparencyFacts {

    /** What a fact is. */
    public enum Kind {
        APPEAL_FILED,
        APPEAL_RESOLVED,
        APPELLANT_SUSPENDED,
        NOTIFIER_SUSPENDED,
        DISPUTE_RECORDED,
        DISPUTE_SETTLED,
        DMCA_NOTICE,
        DMCA_COUNTER_NOTICE,
        DMCA_COURT_ACTION,
        DMCA_RESTORATION
    }

    private final Clock clock;

    public TransparencyFacts(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> appealFiled(AppealFiled e) {
        return insert(
                Kind.APPEAL_FILED,
                e.appealId(),
                e.filedAt(),
                null,
                e.appellantRole().name(),
                null);
    }

    public Uni<Void> appealResolved(AppealResolved e) {
        return insert(
                Kind.APPEAL_RESOLVED,
                e.appealId(),
                e.resolvedAt(),
                null,
                e.outcome().name(),
                null);
    }

    public Uni<Void> appellantSuspended(AppellantSuspended e) {
        return insert(Kind.APPELLANT_SUSPENDED, null, e.suspendedAt(), null, null, null);
    }

    public Uni<Void> notifierSuspended(NotifierSuspended e) {
        return insert(Kind.NOTIFIER_SUSPENDED, null, e.suspendedAt(), null, null, null);
    }

    public Uni<Void> disputeRecorded(DisputeRecorded e) {
        return insert(Kind.DISPUTE_RECORDED, e.disputeId(), day(e.submittedOn()), null, null, null);
    }

    /** Staff may correct an ending; the dispute counts once, with its latest ending. */
    public Uni<Void> disputeSettled(DisputeSettled e) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("DELETE FROM transparency_fact WHERE kind = :kind AND ref_id = :ref")
                        .setParameter("kind", Kind.DISPUTE_SETTLED.name())
                        .setParameter("ref", e.disputeId())
                        .executeUpdate())
                .chain(() -> insert(
                        Kind.DISPUTE_SETTLED,
                        e.disputeId(),
                        day(e.settledOn()),
                        day(e.submittedOn()),
                        e.outcome().name(),
                        Boolean.TRUE.equals(e.implemented())));
    }

    public Uni<Void> noticeReceived(NoticeReceived e) {
        return insert(Kind.DMCA_NOTICE, e.noticeId(), e.receivedAt(), null, null, e.complete());
    }

    public Uni<Void> counterNoticeReceived(CounterNoticeReceived e) {
        return insert(Kind.DMCA_COUNTER_NOTICE, e.counterNoticeId(), e.receivedAt(), null, null, null);
    }

    public Uni<Void> courtActionReported(CourtActionReported e) {
        return insert(Kind.DMCA_COURT_ACTION, e.counterNoticeId(), e.reportedAt(), null, null, null);
    }

    public Uni<Void> contentRestored(ContentRestored e) {
        return insert(
                Kind.DMCA_RESTORATION,
                e.noticeId(),
                e.restoredAt(),
                null,
                e.reason().name(),
                null);
    }

    private Uni<Void> insert(Kind kind, UUID ref, Instant at, Instant startedAt, String detail, Boolean flag) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "INSERT INTO transparency_fact (kind, ref_id, at, started_at, detail, flag, recorded_at) "
                                        + "VALUES (:kind, CAST(:ref AS uuid), :at, CAST(:started AS timestamptz), CAST(:detail AS text), "
                                        + "CAST(:flag AS boolean), :now)")
                        .setParameter("kind", kind.name())
                        .setParameter("ref", ref)
                        .setParameter("at", utc(at))
                        .setParameter("started", utc(startedAt))
                        .setParameter("detail", detail)
                        .setParameter("flag", flag)
                        .setParameter("now", utc(clock.instant()))
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static Instant day(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
