package org.modhub.moderation.dmca.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Legal's review of notices: the queue, a notice with the abuse signals to weigh, and the decision
 * (accept, which orders the takedowns of the uploaders the hub directory names; or reject with a
 * reason). The claimant is told either way.
 */
@ApplicationScoped
public class NoticeReview {

    private final NoticeRepository notices;
    private final TakedownService takedowns;
    private final AuditTrail audit;
    private final MailRequests mail;
    private final Uploaders uploaders;
    private final Clock clock;

    public NoticeReview(
            NoticeRepository notices,
            TakedownService takedowns,
            AuditTrail audit,
            MailRequests mail,
            Uploaders uploaders,
            Clock clock) {
        this.notices = notices;
        this.uploaders = uploaders;
        this.takedowns = takedowns;
        this.audit = audit;
        this.mail = mail;
        this.clock = clock;
    }

    @WithSession
    public Uni<NoticeEntity> get(UUID id) {
        return notices.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Notice", id));
    }

    /** Up to {@code limit} notices of one status after {@code after} (null: the oldest), oldest first. */
    @WithSession
    public Uni<List<NoticeEntity>> queue(NoticeStatus status, PageCursor after, int limit) {
        return notices.byStatus(status, after, limit);
    }

    /** The cursor after {@code notice} in the queue's order. */
    public static PageCursor cursorOf(NoticeEntity notice) {
        return new PageCursor(notice.receivedAt, notice.id);
    }

    /** The abuse signals of a notice, from its sender's history. */
    @WithSession
    public Uni<AbuseSignals> signals(NoticeEntity notice) {
        if (notice.senderEmail == null) {
            return Uni.createFrom().item(AbuseSignals.of(notice, List.of()));
        }
        return notices.bySender(notice.senderEmail).map(all -> AbuseSignals.of(notice, all));
    }

    /**
     * Legal accepts a complete notice: the uploaders resolved from the hub directory ({@link Uploaders}),
     * one takedown each ({@code TakedownOrdered}, or the partial-files window first), the claimant told.
     * The directory is asked before the write transaction, so a slow hub holds no connection and a
     * hub that does not answer (503) leaves the notice as it was.
     */
    public Uni<NoticeEntity> accept(UUID id, List<OwnerChoice> choices, String note, String reviewer) {
        return Panache.withSession(() -> pending(id))
                .chain(notice -> uploaders.resolve(notice.subjects(), choices))
                .chain(owners -> Panache.withTransaction(
                        () -> pending(id).chain(notice -> order(notice, owners, note, reviewer))));
    }

    /** The notice, if it is complete and waiting for review (404, 409 otherwise). */
    private Uni<NoticeEntity> pending(UUID id) {
        return notices.findById(id).map(notice -> {
            if (notice == null) {
                throw ProblemException.notFound("Notice", id);
            }
            if (notice.status != NoticeStatus.PENDING_REVIEW) {
                throw ProblemException.conflict("Notice " + id + " is " + notice.status
                        + "; only a complete notice waiting for review can be accepted");
            }
            return notice;
        });
    }

    private Uni<NoticeEntity> order(NoticeEntity notice, List<Owner> owners, String note, String reviewer) {
        Instant now = clock.instant();
        decide(notice, NoticeStatus.ACCEPTED, note, reviewer, now);
        return Multi.createFrom()
                .iterable(owners)
                .onItem()
                .transformToUniAndConcatenate(owner -> takedowns.order(notice, owner, reviewer, now))
                .collect()
                .last()
                .chain(() -> audit.record(
                        reviewer,
                        "NOTICE_ACCEPTED",
                        Audit.NOTICE,
                        notice.id,
                        notice.firstSubject(),
                        // Each as account:<id>, the form an erasure finds in the audit log (Person.quotable).
                        owners.size() + " uploader(s) from the hub directory: "
                                + String.join(
                                        ", ",
                                        owners.stream()
                                                .map(o -> "account:" + o.id())
                                                .toList())))
                .chain(() -> mail.send(MailThreads.onNotice(
                                MailTemplateId.DMCA_NOTICE_ACCEPTED, notice.contactEmail, notice.id)
                        .parameters(Map.of(
                                "noticeId", notice.id.toString(), "subjects", String.join(",", notice.subjectKeys)))
                        .once(MailTemplateId.DMCA_NOTICE_ACCEPTED.id() + ":" + notice.id)))
                .replaceWith(notice);
    }

    /** Legal rejects a notice, with the reason; the claimant is told. */
    @WithTransaction
    public Uni<NoticeEntity> reject(UUID id, RejectionReason reason, String explanation, String reviewer) {
        return notices.findById(id).chain(notice -> {
            if (notice == null) {
                throw ProblemException.notFound("Notice", id);
            }
            if (notice.status != NoticeStatus.PENDING_REVIEW && notice.status != NoticeStatus.INCOMPLETE) {
                throw ProblemException.conflict("Notice " + id + " is " + notice.status + " and cannot be rejected");
            }
            decide(notice, NoticeStatus.REJECTED, explanation, reviewer, clock.instant());
            notice.rejectionReason = reason;
            String text = reason.name() + ": " + explanation;
            return audit.record(reviewer, "NOTICE_REJECTED", Audit.NOTICE, notice.id, notice.firstSubject(), text)
                    .chain(() -> mail.send(
                            MailThreads.onNotice(MailTemplateId.DMCA_NOTICE_REJECTED, notice.contactEmail, notice.id)
                                    .parameters(Map.of("noticeId", notice.id.toString(), "reason", text))
                                    .once(MailTemplateId.DMCA_NOTICE_REJECTED.id() + ":" + notice.id)))
                    .replaceWith(notice);
        });
    }

    private static void decide(NoticeEntity notice, NoticeStatus status, String note, String reviewer, Instant now) {
        notice.status = status;
        notice.decision = status.name();
        notice.reviewNote = note;
        notice.reviewedBy = reviewer;
        notice.reviewedAt = now;
        notice.updatedAt = now;
    }
}
