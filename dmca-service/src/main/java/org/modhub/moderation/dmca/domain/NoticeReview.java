package org.modhub.moderation.dmca.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Legal's review of notices: the queue, a notice with the abuse signals to weigh, and the decision
 * (accept, naming the uploaders, which orders their takedowns; or reject with a reason). The
 * claimant is told either way.
 */
@ApplicationScoped
public class NoticeReview {

    private final NoticeRepository notices;
    private final TakedownService takedowns;
    private final AuditTrail audit;
    private final MailRequests mail;
    private final Clock clock;

    public NoticeReview(
            NoticeRepository notices, TakedownService takedowns, AuditTrail audit, MailRequests mail, Clock clock) {
        this.notices = notices;
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
     * Legal accepts a complete notice: one takedown per uploader ({@code TakedownOrdered}, or the
     * partial-files window first), the claimant is told.
     */
    @WithTransaction
    public Uni<NoticeEntity> accept(UUID id, List<Owner> owners, String note, String reviewer) {
        return notices.findById(id).chain(notice -> {
            if (notice == null) {
                throw ProblemException.notFound("Notice", id);
            }
            if (notice.status != NoticeStatus.PENDING_REVIEW) {
                throw ProblemException.conflict("Notice " + id + " is " + notice.status
                        + "; only a complete notice waiting for review can be accepted");
            }
            List<Owner> assigned = assign(owners, notice.subjects());
            Instant now = clock.instant();
            decide(notice, NoticeStatus.ACCEPTED, note, reviewer, now);
            return Multi.createFrom()
                    .iterable(assigned)
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
                            assigned.size() + " uploader(s): "
                                    + String.join(
                                            ", ",
                                            assigned.stream().map(Owner::id).toList())))
                    .chain(() -> mail.send(MailThreads.onNotice(
                                    MailTemplateId.DMCA_NOTICE_ACCEPTED, notice.contactEmail, notice.id)
                            .parameters(Map.of(
                                    "noticeId", notice.id.toString(), "subjects", String.join(",", notice.subjectKeys)))
                            .once(MailTemplateId.DMCA_NOTICE_ACCEPTED.id() + ":" + notice.id)))
                    .replaceWith(notice);
        });
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

    /**
     * Each owner's subjects must be the notice's; one owner without subjects takes them all. A
     * subject may belong to one owner only.
     */
    static List<Owner> assign(List<Owner> owners, List<SubjectRef> subjects) {
        if (owners.size() == 1 && owners.get(0).subjects().isEmpty()) {
            Owner o = owners.get(0);
            return List.of(new Owner(o.id(), o.name(), o.email(), subjects));
        }
        Set<SubjectRef> seen = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < owners.size(); i++) {
            Owner o = owners.get(i);
            if (!ids.add(o.id())) {
                throw ProblemException.invalidField("owners[" + i + "].id", "each uploader is listed once");
            }
            if (o.subjects().isEmpty()) {
                throw ProblemException.invalidField(
                        "owners[" + i + "].subjects", "name this uploader's subjects of the notice");
            }
            for (SubjectRef s : o.subjects()) {
                if (!subjects.contains(s)) {
                    throw ProblemException.invalidField(
                            "owners[" + i + "].subjects", s.key() + " is not named in the notice");
                }
                if (!seen.add(s)) {
                    throw ProblemException.invalidField(
                            "owners[" + i + "].subjects", s.key() + " is given to two uploaders");
                }
            }
        }
        return owners;
    }
}
