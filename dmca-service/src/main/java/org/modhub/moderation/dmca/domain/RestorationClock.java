package org.modhub.moderation.dmca.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.CourtActionReported;
import org.modhub.moderation.contracts.event.dmca.RestorationReason;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.persistence.CounterNoticeEntity;
import org.modhub.moderation.dmca.persistence.CounterNoticeRepository;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.dmca.persistence.TakedownRepository;
import org.modhub.moderation.dmca.persistence.ThreadMailRepository;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.timer.Timers;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The restoration clock of a counter-notice (17 U.S.C. 512(g)(2)(C); a kit timer: fires once across
 * replicas, survives restarts): the claimant's court action stops it, entered by legal or mailed as
 * evidence legal confirms ({@link ThreadMailService}); otherwise the content is restored when it runs out.
 */
@ApplicationScoped
public class RestorationClock {

    /** Timer: the restoration clock of a counter-notice runs out (key: counter-notice id). */
    public static final String RESTORE_TIMER = "dmca.restore";

    private final TakedownRepository takedowns;
    private final CounterNoticeRepository counterNotices;
    private final NoticeRepository notices;
    private final ThreadMailRepository threadMails;
    private final StrikeService strikes;
    private final Outbox outbox;
    private final Timers timers;
    private final MailRequests mail;
    private final AuditTrail audit;
    private final Clock clock;

    public RestorationClock(
            TakedownRepository takedowns,
            CounterNoticeRepository counterNotices,
            NoticeRepository notices,
            ThreadMailRepository threadMails,
            StrikeService strikes,
            Outbox outbox,
            Timers timers,
            MailRequests mail,
            AuditTrail audit,
            Clock clock) {
        this.takedowns = takedowns;
        this.counterNotices = counterNotices;
        this.notices = notices;
        this.threadMails = threadMails;
        this.strikes = strikes;
        this.outbox = outbox;
        this.timers = timers;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
    }

    /** Legal records the claimant's court-action evidence before the deadline: the content stays disabled. */
    @WithTransaction
    public Uni<CounterNoticeEntity> courtAction(UUID counterNoticeId, CourtAction evidence, String recordedBy) {
        Instant now = clock.instant();
        return counterNotices.findById(counterNoticeId).chain(c -> {
            if (c == null) {
                throw ProblemException.notFound("Counter-notice", counterNoticeId);
            }
            if (CounterNoticeEntity.RUNNING.equals(c.status) && !now.isBefore(c.restoreAt)) {
                throw ProblemException.conflict("The restoration deadline " + c.restoreAt + " has passed");
            }
            return recordCourtAction(c, evidence, recordedBy, null);
        });
    }

    /**
     * Stops the clock of an open counter-notice for a court action, in the caller's transaction:
     * {@code CourtActionReported}, the uploader told, the takedown stood (a strike). {@code evidenceId}
     * names the mailed evidence legal confirmed, if it came that way.
     */
    public Uni<CounterNoticeEntity> recordCourtAction(
            CounterNoticeEntity c, CourtAction evidence, String actor, UUID evidenceId) {
        if (!isOpen(c)) {
            throw ProblemException.conflict(
                    "Counter-notice " + c.id + " is " + c.status + "; its clock is not running");
        }
        Instant now = clock.instant();
        c.status = CounterNoticeEntity.COURT_ACTION;
        c.courtAction = CourtActionRecord.of(evidence, actor, evidenceId);
        c.courtActionAt = now;
        return timers.cancel(RESTORE_TIMER, c.id.toString())
                .chain(() -> takedowns.findById(c.takedownId))
                .chain(t -> {
                    t.status = TakedownStatus.UPHELD;
                    t.updatedAt = now;
                    List<SubjectRef> subjects = t.subjects();
                    return outbox.publish(
                                    Topics.DMCA_EVENTS,
                                    EventSources.DMCA_SERVICE,
                                    new CourtActionReported(c.noticeId, c.id, subjects, now))
                            .chain(() -> audit.record(
                                    actor,
                                    evidenceId == null ? "COURT_ACTION_ENTERED" : "COURT_ACTION_CONFIRMED",
                                    Audit.COUNTER_NOTICE,
                                    c.id,
                                    t.firstSubject(),
                                    evidence.court() + ", case " + evidence.caseNumber()
                                            + (evidenceId == null ? "" : "; evidence " + evidenceId)))
                            .chain(() -> mail.send(
                                    MailThreads.onTakedown(MailTemplateId.DMCA_COURT_ACTION_REPORTED, c.email, t)
                                            .parameters(Map.of(
                                                    "noticeId",
                                                    c.noticeId.toString(),
                                                    "subject",
                                                    String.join(",", t.subjectKeys),
                                                    "court",
                                                    evidence.court(),
                                                    "caseNumber",
                                                    evidence.caseNumber()))
                                            .once(MailTemplateId.DMCA_COURT_ACTION_REPORTED.id() + ":" + c.id)))
                            .chain(() -> strikes.record(t, "COURT_ACTION", now, actor));
                })
                .replaceWith(c);
    }

    /**
     * The restoration clock ran out (timer, in its transaction). Without a court action the content
     * is restored; but evidence mailed before the deadline and still waiting for legal holds it
     * (the statute counts when the evidence was received, not when legal read it).
     */
    public Uni<Void> restorationDue(UUID counterNoticeId) {
        return counterNotices.findById(counterNoticeId).chain(c -> {
            if (c == null || !CounterNoticeEntity.RUNNING.equals(c.status)) {
                return Uni.createFrom().voidItem();
            }
            return threadMails.awaitingEvidence(c.noticeId, c.restoreAt).chain(waiting -> {
                if (waiting > 0) {
                    c.status = CounterNoticeEntity.EVIDENCE_PENDING;
                    return audit.record(
                            Audit.SYSTEM,
                            "RESTORATION_HELD_FOR_EVIDENCE",
                            Audit.COUNTER_NOTICE,
                            c.id,
                            null,
                            waiting + " court-action evidence mail(s) received before the deadline await legal");
                }
                return restore(c, Audit.SYSTEM);
            });
        });
    }

    /** Restores the content of an open counter-notice, in the caller's transaction: {@code ContentRestored}, both parties told. */
    public Uni<Void> restore(CounterNoticeEntity c, String actor) {
        Instant now = clock.instant();
        c.status = CounterNoticeEntity.RESTORED;
        c.restoredAt = now;
        return takedowns.findById(c.takedownId).chain(t -> {
            t.status = TakedownStatus.RESTORED;
            t.updatedAt = now;
            Map<String, String> p = Map.of(
                    "noticeId",
                    c.noticeId.toString(),
                    "subject",
                    String.join(",", t.subjectKeys),
                    "restoredAt",
                    now.toString());
            String once = MailTemplateId.DMCA_RESTORATION_DONE.id();
            return outbox.publish(
                            Topics.DMCA_EVENTS,
                            EventSources.DMCA_SERVICE,
                            new ContentRestored(
                                    c.noticeId,
                                    c.id,
                                    t.subjects(),
                                    t.uploaderId,
                                    RestorationReason.COUNTER_NOTICE_PERIOD_ELAPSED,
                                    now))
                    .chain(() -> audit.record(
                            actor,
                            "CONTENT_RESTORED",
                            Audit.COUNTER_NOTICE,
                            c.id,
                            t.firstSubject(),
                            "counter-notice period elapsed without a court action"))
                    .chain(() -> notices.findById(c.noticeId))
                    .chain(notice -> mail.send(
                            MailThreads.onNotice(MailTemplateId.DMCA_RESTORATION_DONE, notice.contactEmail, c.noticeId)
                                    .parameters(p)
                                    .once(once + ":claimant:" + c.id)))
                    .chain(() -> mail.send(MailThreads.onTakedown(MailTemplateId.DMCA_RESTORATION_DONE, c.email, t)
                            .parameters(p)
                            .once(once + ":uploader:" + c.id)));
        });
    }

    /** Whether the counter-notice's outcome is still open: its clock runs, or evidence holds it. */
    public static boolean isOpen(CounterNoticeEntity c) {
        return CounterNoticeEntity.RUNNING.equals(c.status) || CounterNoticeEntity.EVIDENCE_PENDING.equals(c.status);
    }
}
