package org.modhub.moderation.dmca.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.subject.HubLinks;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.persistence.CounterNoticeEntity;
import org.modhub.moderation.dmca.persistence.CounterNoticeRepository;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.ThreadMailEntity;
import org.modhub.moderation.dmca.persistence.ThreadMailRepository;
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
 * Mail on a notice's or a takedown's thread that is kept with it: the claimant's court-action
 * evidence (after a counter-notice, as the forwarded copy asks: "reply to this mail with the
 * evidence"), an uploader's addition to their counter-notice, and other correspondence. Evidence
 * waits for legal: confirming it stops the restoration clock exactly as a court action entered by
 * REST does; dismissing it lets a clock held for it restore the content.
 */
@ApplicationScoped
public class ThreadMailService {

    private final ThreadMailRepository threadMails;
    private final CounterNoticeRepository counterNotices;
    private final RestorationClock restoration;
    private final MailElements elements;
    private final MailRequests mail;
    private final AuditTrail audit;
    private final DmcaConfig config;
    private final Clock clock;

    public ThreadMailService(
            ThreadMailRepository threadMails,
            CounterNoticeRepository counterNotices,
            RestorationClock restoration,
            MailRequests mail,
            AuditTrail audit,
            DmcaConfig config,
            Clock clock) {
        this.threadMails = threadMails;
        this.counterNotices = counterNotices;
        this.restoration = restoration;
        this.elements = new MailElements(
                new HubLinks(config.intake().hubBaseUrl()), config.intake().maxItems());
        this.mail = mail;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Keeps a mail of the thread (in the caller's transaction), with its text bounded, its links and
     * its attachments' names, and records it in the audit trail.
     */
    public Uni<ThreadMailEntity> keep(
            InboundMailReceived received,
            String sender,
            UUID noticeId,
            UUID takedownId,
            UUID counterNoticeId,
            String kind,
            String status,
            String note) {
        ThreadMailEntity m = new ThreadMailEntity();
        m.id = UUID.randomUUID();
        m.noticeId = noticeId;
        m.takedownId = takedownId;
        m.counterNoticeId = counterNoticeId;
        m.kind = kind;
        m.status = status;
        m.mailbox = received.mailbox();
        m.senderEmail = sender.toLowerCase(Locale.ROOT);
        m.mailMessageId = received.messageId();
        m.subjectLine = bound(received.subjectLine(), config.intake().maxText());
        m.body = bound(received.textBody(), config.intake().maxOriginalText());
        m.links = elements.links(m.body);
        m.attachments = new MailAttachments(received.attachments().stream()
                .limit(config.intake().maxItems())
                .toList());
        m.receivedAt = received.receivedAt().truncatedTo(ChronoUnit.MICROS);
        m.decisionNote = note;
        return threadMails
                .persist(m)
                .chain(() -> audit.record(
                        Audit.SYSTEM,
                        kind + "_RECEIVED_BY_MAIL",
                        Audit.THREAD_MAIL,
                        m.id,
                        null,
                        "notice " + noticeId + (takedownId == null ? "" : "; takedown " + takedownId) + "; " + status
                                + "; via " + m.mailbox + "@"))
                .replaceWith(m);
    }

    /**
     * The claimant's reply on the notice's thread while a counter-notice's outcome is open: court-action
     * evidence awaiting legal's confirmation, never a new notice. The sender gets a receipt on their mail.
     */
    public Uni<Void> evidence(
            NoticeEntity notice, List<CounterNoticeEntity> open, String sender, InboundMailReceived received) {
        UUID counterNoticeId = open.size() == 1 ? open.get(0).id : null;
        return keep(
                        received,
                        sender,
                        notice.id,
                        null,
                        counterNoticeId,
                        ThreadMailEntity.COURT_ACTION_EVIDENCE,
                        ThreadMailEntity.AWAITING_CONFIRMATION,
                        null)
                .chain(m -> receipt(notice, m, sender, "court-action-evidence"));
    }

    /** Any other mail on a notice's thread: kept for staff, the sender told it arrived. */
    public Uni<Void> correspondence(NoticeEntity notice, String sender, InboundMailReceived received) {
        return keep(
                        received,
                        sender,
                        notice.id,
                        null,
                        null,
                        ThreadMailEntity.CORRESPONDENCE,
                        ThreadMailEntity.NOTED,
                        null)
                .chain(m -> receipt(notice, m, sender, "correspondence"));
    }

    /** Legal's list of mails of one kind and status, oldest first, after {@code after} (null: from the start). */
    @WithSession
    public Uni<List<ThreadMailEntity>> list(String kind, String status, PageCursor after, int limit) {
        return threadMails.byKindAndStatus(kind, status, after, limit);
    }

    /** The cursor after {@code mail} in the list's order. */
    public static PageCursor cursorOf(ThreadMailEntity mail) {
        return new PageCursor(mail.receivedAt, mail.id);
    }

    @WithSession
    public Uni<List<ThreadMailEntity>> ofNotice(UUID noticeId) {
        return threadMails.byNotice(noticeId);
    }

    /**
     * Legal confirms mailed evidence as a court action: the clock of its counter-notice stops as for a
     * court action entered by REST ({@code CourtActionReported}, the uploader told, a strike). Evidence
     * received before the deadline counts even when legal confirms it after.
     *
     * @param counterNoticeId which counter-notice, when the notice has more than one open; else null
     */
    @WithTransaction
    public Uni<ThreadMailEntity> confirm(UUID evidenceId, UUID counterNoticeId, CourtAction action, String legal) {
        return awaiting(evidenceId)
                .chain(m -> chooseCounterNotice(m, counterNoticeId).chain(c -> {
                    if (!m.receivedAt.isBefore(c.restoreAt)) {
                        throw ProblemException.conflict("Evidence " + evidenceId + " arrived at " + m.receivedAt
                                + ", after the restoration deadline " + c.restoreAt);
                    }
                    List<String> links = m.links;
                    CourtAction recorded = action.documentUrl() != null || links.isEmpty()
                            ? action
                            : new CourtAction(
                                    action.court(), action.caseNumber(), action.filedOn(), links.get(0), action.note());
                    Instant now = clock.instant();
                    m.status = ThreadMailEntity.CONFIRMED;
                    m.counterNoticeId = c.id;
                    m.decidedBy = legal;
                    m.decidedAt = now;
                    return audit.record(
                                    legal,
                                    "EVIDENCE_CONFIRMED",
                                    Audit.THREAD_MAIL,
                                    m.id,
                                    null,
                                    "court action on counter-notice " + c.id + ": " + recorded.court() + ", case "
                                            + recorded.caseNumber())
                            .chain(() -> restoration.recordCourtAction(c, recorded, legal, m.id))
                            .replaceWith(m);
                }));
    }

    /**
     * Legal finds the mail is no evidence of a court action. If a restoration clock ran out while it
     * (and no other evidence) waited, the content is restored now.
     */
    @WithTransaction
    public Uni<ThreadMailEntity> dismiss(UUID evidenceId, String reason, String legal) {
        return awaiting(evidenceId).chain(m -> {
            m.status = ThreadMailEntity.DISMISSED;
            m.decidedBy = legal;
            m.decidedAt = clock.instant();
            m.decisionNote = reason;
            return audit.record(legal, "EVIDENCE_DISMISSED", Audit.THREAD_MAIL, m.id, null, reason)
                    .chain(() -> threadMails.flush())
                    .chain(() -> counterNotices.openOfNotice(m.noticeId))
                    .chain(open -> Multi.createFrom()
                            .iterable(open)
                            .filter(c -> CounterNoticeEntity.EVIDENCE_PENDING.equals(c.status))
                            // Restored once no other evidence received in time still waits.
                            .onItem()
                            .transformToUniAndConcatenate(c -> threadMails
                                    .awaitingEvidence(c.noticeId, c.restoreAt)
                                    .chain(waiting ->
                                            waiting > 0 ? Uni.createFrom().voidItem() : restoration.restore(c, legal)))
                            .collect()
                            .asList())
                    .replaceWith(m);
        });
    }

    private Uni<ThreadMailEntity> awaiting(UUID evidenceId) {
        return threadMails.findById(evidenceId).map(m -> {
            if (m == null || !ThreadMailEntity.COURT_ACTION_EVIDENCE.equals(m.kind)) {
                throw ProblemException.notFound("Evidence", evidenceId);
            }
            if (!ThreadMailEntity.AWAITING_CONFIRMATION.equals(m.status)) {
                throw ProblemException.conflict(
                        "Evidence " + evidenceId + " is " + m.status + ", not awaiting confirmation");
            }
            return m;
        });
    }

    private Uni<CounterNoticeEntity> chooseCounterNotice(ThreadMailEntity m, UUID requested) {
        if (requested != null) {
            return counterNotices.findById(requested).map(c -> {
                if (c == null || !c.noticeId.equals(m.noticeId)) {
                    throw ProblemException.invalidField(
                            "counterNoticeId", "is not a counter-notice to notice " + m.noticeId);
                }
                return c;
            });
        }
        if (m.counterNoticeId != null) {
            return counterNotices.findById(m.counterNoticeId);
        }
        return counterNotices.openOfNotice(m.noticeId).map(open -> {
            if (open.size() != 1) {
                throw ProblemException.invalidField(
                        "counterNoticeId",
                        open.isEmpty()
                                ? "notice " + m.noticeId + " has no counter-notice whose clock is open"
                                : "notice " + m.noticeId + " has " + open.size()
                                        + " open counter-notices: name the one this evidence answers");
            }
            return open.get(0);
        });
    }

    /** The sender's receipt, answering their mail so their client threads it. */
    private Uni<Void> receipt(NoticeEntity notice, ThreadMailEntity m, String sender, String what) {
        return mail.send(MailThreads.onNotice(MailTemplateId.DMCA_NOTICE_RECEIVED, sender, notice.id)
                .parameters(Map.of(
                        "noticeId",
                        notice.id.toString(),
                        "receivedAt",
                        m.receivedAt.toString(),
                        "received",
                        what,
                        "subjects",
                        String.join(",", notice.subjectKeys)))
                .once(MailTemplateId.DMCA_NOTICE_RECEIVED.id() + ":mail:" + m.id)
                .answering(m.mailMessageId));
    }

    private static String bound(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }
}
