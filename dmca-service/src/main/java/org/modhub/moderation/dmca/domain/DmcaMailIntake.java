package org.modhub.moderation.dmca.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.event.dmca.NoticeChannel;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.persistence.CounterNoticeRepository;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.dmca.persistence.TakedownEntity;
import org.modhub.moderation.dmca.persistence.TakedownRepository;
import org.modhub.moderation.dmca.persistence.ThreadMailEntity;
import org.modhub.moderation.dmca.persistence.ThreadMailRepository;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.inbox.MailScreen;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Mail for dmca-service, routed by its thread whatever mailbox it arrived in (see {@code MailRoutes}):
 * <ul>
 * <li>on no thread of ours (dmca@ intake): a notice, the elements recognised in its words filled in,
 * the rest marked missing and the sender asked to revise it on the notice's thread;</li>
 * <li>on a notice's thread ({@code dmca_notice:<id>}): from its sender while it is incomplete, a
 * revision read with the mail before it ("reply to this mail with a revised notice"); while a
 * counter-notice's outcome is open, the claimant's court-action evidence ("reply to this mail with
 * the evidence"), kept for legal to confirm; otherwise correspondence kept with the notice;</li>
 * <li>on a takedown's thread ({@code dmca_takedown:<id>}): from the uploader, a counter-notice checked
 * for 512(g)(3) (a deficient one is kept and read with the next reply), or an addition to the
 * counter-notice they already sent; from anyone else, correspondence.</li>
 * </ul>
 * Every mail gets a receipt answering it ({@code In-Reply-To}); auto-replies and bounces get nothing.
 * Runs in the consumer's transaction.
 */
@ApplicationScoped
public class DmcaMailIntake {

    private final NoticeRepository notices;
    private final TakedownRepository takedowns;
    private final CounterNoticeRepository counterNotices;
    private final ThreadMailRepository threadMails;
    private final NoticeService noticeService;
    private final TakedownService takedownService;
    private final CounterNoticeService counterNoticeService;
    private final ThreadMailService threadMailService;
    private final AuditTrail audit;
    private final MailElements elements;
    private final DmcaConfig config;

    public DmcaMailIntake(
            NoticeRepository notices,
            TakedownRepository takedowns,
            CounterNoticeRepository counterNotices,
            ThreadMailRepository threadMails,
            NoticeService noticeService,
            TakedownService takedownService,
            CounterNoticeService counterNoticeService,
            ThreadMailService threadMailService,
            AuditTrail audit,
            DmcaConfig config) {
        this.notices = notices;
        this.takedowns = takedowns;
        this.counterNotices = counterNotices;
        this.threadMails = threadMails;
        this.noticeService = noticeService;
        this.takedownService = takedownService;
        this.counterNoticeService = counterNoticeService;
        this.threadMailService = threadMailService;
        this.audit = audit;
        this.elements = new MailElements(noticeService.hub(), config.intake().maxItems());
        this.config = config;
    }

    public Uni<Void> accept(InboundMailReceived received) {
        Optional<String> person = MailScreen.personSending(received, "a notice");
        String from = person.filter(NoticeCheck::isEmail)
                .map(a -> a.toLowerCase(Locale.ROOT))
                .orElse(null);
        if (from == null) {
            person.ifPresent(address -> Log.warnf(
                    "Mail %s (%s@): the sender's address cannot be answered; ignored",
                    received.messageId(), received.mailbox()));
            return Uni.createFrom().voidItem();
        }
        return notices.findByMailMessageId(received.messageId())
                .chain(seen -> seen != null
                        ? Uni.createFrom().item(true)
                        : threadMails.findByMailMessageId(received.messageId()).map(m -> m != null))
                .chain(seen -> {
                    if (seen) {
                        return Uni.createFrom().voidItem();
                    }
                    UUID noticeThread = received.threadId(MailRoutes.ThreadKind.DMCA_NOTICE.prefix())
                            .orElse(null);
                    if (noticeThread != null) {
                        return notices.findById(noticeThread)
                                .chain(notice -> notice == null
                                        ? fresh(from, received)
                                        : onNoticeThread(notice, from, received));
                    }
                    UUID takedownThread = received.threadId(MailRoutes.ThreadKind.DMCA_TAKEDOWN.prefix())
                            .orElse(null);
                    if (takedownThread != null) {
                        return takedowns
                                .findById(takedownThread)
                                .chain(t -> t == null ? fresh(from, received) : onTakedownThread(t, from, received));
                    }
                    return fresh(from, received);
                });
    }

    private Uni<Void> fresh(String from, InboundMailReceived received) {
        String text = bound(received.subjectLine() + "\n\n" + received.textBody());
        NoticeInput input = elements.notice(text, from, received.from());
        return noticeService
                .fileInTransaction(
                        input, new NoticeService.Intake(NoticeChannel.EMAIL, null, text, received.messageId()))
                .chain(notice -> audit.record(
                        Audit.SYSTEM,
                        "NOTICE_RECEIVED_BY_MAIL",
                        Audit.NOTICE,
                        notice.id,
                        notice.firstSubject(),
                        notice.status + " via " + received.mailbox() + "@"))
                .onFailure(NoticeRateLimit::refused)
                .recoverWithUni(e -> {
                    Log.warnf("Mail %s to dmca@ dropped: %s", received.messageId(), e.getMessage());
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> onNoticeThread(NoticeEntity notice, String from, InboundMailReceived received) {
        if (notice.status == NoticeStatus.INCOMPLETE) {
            // A revision comes from the notice's own sender; anyone else's mail on the thread is a notice of its own.
            return from.equals(notice.senderEmail) ? revision(notice, from, received) : fresh(from, received);
        }
        return counterNotices
                .openOfNotice(notice.id)
                .chain(open -> open.isEmpty()
                        ? threadMailService.correspondence(notice, from, received)
                        : threadMailService.evidence(notice, open, from, received));
    }

    /**
     * A reply on the incomplete notice's thread: read with what came before, elements checked again.
     * What the notice already had (from earlier mails, or from the web form: its "incomplete" mail
     * asks for a reply too) stays unless the reply gives it anew.
     */
    private Uni<Void> revision(NoticeEntity notice, String from, InboundMailReceived received) {
        String before = notice.originalText == null ? "" : notice.originalText + "\n\n";
        notice.originalText = bound(before + "--- reply " + received.messageId() + " ---\n" + received.textBody());
        NoticeInput parsed = elements.notice(notice.originalText, from, received.from());
        NoticeInput.Contact c = parsed.contact();
        NoticeInput.Contact contact = new NoticeInput.Contact(
                or(c.name(), notice.contactName),
                or(c.organisation(), notice.contactOrganisation),
                or(notice.contactEmail, c.email()),
                or(c.address(), notice.contactAddress),
                or(c.phone(), notice.contactPhone));
        List<NoticeInput.Work> works = parsed.works().isEmpty() ? notice.elements.works() : parsed.works();
        List<NoticeInput.Material> material = parsed.material().isEmpty()
                ? notice.elements.material().stream()
                        .map(m -> new NoticeInput.Material(m.url(), m.description()))
                        .toList()
                : parsed.material();
        NoticeInput input = new NoticeInput(
                null,
                or(parsed.signature(), notice.signature),
                works,
                material,
                contact,
                parsed.goodFaith() || notice.goodFaith,
                parsed.accurate() || notice.accurate,
                parsed.authorised() || notice.authorised);
        return noticeService
                .recheck(notice, input, received.messageId())
                .chain(() -> audit.record(
                        Audit.SYSTEM,
                        "NOTICE_REVISED_BY_MAIL",
                        Audit.NOTICE,
                        notice.id,
                        notice.firstSubject(),
                        "now " + notice.status + "; missing " + notice.missingElements + "; via " + received.mailbox()
                                + "@"));
    }

    private Uni<Void> onTakedownThread(TakedownEntity t, String from, InboundMailReceived received) {
        if (!from.equalsIgnoreCase(t.uploaderEmail)) {
            // Only the uploader counter-notifies; whatever else comes on the thread is kept for staff.
            return threadMailService
                    .keep(
                            received,
                            from,
                            t.noticeId,
                            t.id,
                            null,
                            ThreadMailEntity.CORRESPONDENCE,
                            ThreadMailEntity.NOTED,
                            null)
                    .replaceWithVoid();
        }
        return counterNotices.byTakedown(t.id).chain(existing -> {
            if (existing != null) {
                return threadMailService
                        .keep(
                                received,
                                from,
                                t.noticeId,
                                t.id,
                                existing.id,
                                ThreadMailEntity.COUNTER_NOTICE_ADDITION,
                                ThreadMailEntity.NOTED,
                                null)
                        .chain(m -> takedownService.answerUploader(
                                t,
                                Map.of("received", "counter-notice-addition"),
                                received.messageId(),
                                "dmca-thread-receipt:" + m.id));
            }
            if (t.status != TakedownStatus.IN_FORCE) {
                return threadMailService
                        .keep(
                                received,
                                from,
                                t.noticeId,
                                t.id,
                                null,
                                ThreadMailEntity.CORRESPONDENCE,
                                ThreadMailEntity.NOTED,
                                null)
                        .chain(m -> takedownService.answerUploader(
                                t,
                                Map.of("received", "correspondence"),
                                received.messageId(),
                                "dmca-thread-receipt:" + m.id));
            }
            return counterNoticeByMail(t, from, received);
        });
    }

    /**
     * The uploader's counter-notice by mail, read with their earlier deficient ones on the thread. Valid: filed as
     * by REST (the restoration-scheduled mail is their receipt). Deficient: kept, and the uploader answered with the
     * takedown mail (the counter-notice form) and what is missing.
     */
    private Uni<Void> counterNoticeByMail(TakedownEntity t, String from, InboundMailReceived received) {
        return threadMails.deficientCounterNotices(t.id, from).chain(earlier -> {
            StringBuilder text = new StringBuilder();
            earlier.forEach(m -> text.append(m.body).append("\n\n"));
            text.append(received.textBody());
            CounterNoticeInput input = elements.counterNotice(bound(text.toString()), from);
            List<FieldError> missing = counterNoticeService.deficiencies(input, t);
            if (missing.isEmpty()) {
                return threadMailService
                        .keep(
                                received,
                                from,
                                t.noticeId,
                                t.id,
                                null,
                                ThreadMailEntity.COUNTER_NOTICE,
                                ThreadMailEntity.ACCEPTED,
                                null)
                        .chain(m -> counterNoticeService
                                .file(t, input, Audit.SYSTEM, received.messageId())
                                .invoke(c -> {
                                    m.counterNoticeId = c.id;
                                    earlier.forEach(e -> {
                                        e.status = ThreadMailEntity.ACCEPTED;
                                        e.counterNoticeId = c.id;
                                    });
                                }))
                        .replaceWithVoid();
            }
            String fields =
                    String.join(",", missing.stream().map(FieldError::field).toList());
            return threadMailService
                    .keep(
                            received,
                            from,
                            t.noticeId,
                            t.id,
                            null,
                            ThreadMailEntity.COUNTER_NOTICE,
                            ThreadMailEntity.DEFICIENT,
                            "lacks " + fields)
                    .chain(m -> audit.record(
                                    Audit.SYSTEM,
                                    "COUNTER_NOTICE_REFUSED",
                                    Audit.TAKEDOWN,
                                    t.id,
                                    t.firstSubject(),
                                    "mailed counter-notice lacks " + fields)
                            .chain(() -> takedownService.answerUploader(
                                    t,
                                    Map.of(
                                            "received",
                                            "counter-notice-deficient",
                                            "counterNoticeDeficiencies",
                                            String.join(
                                                    "\n",
                                                    missing.stream()
                                                            .map(e -> e.field() + ": " + e.message())
                                                            .toList())),
                                    received.messageId(),
                                    "dmca-thread-receipt:" + m.id)));
        });
    }

    private static String or(String value, String earlier) {
        return value != null && !value.isBlank() ? value : earlier;
    }

    private String bound(String text) {
        int max = config.intake().maxOriginalText();
        return text.length() <= max ? text : text.substring(0, max);
    }
}
