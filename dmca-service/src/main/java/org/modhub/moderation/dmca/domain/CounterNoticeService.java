package org.modhub.moderation.dmca.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.dmca.CounterNoticeReceived;
import org.modhub.moderation.contracts.event.dmca.RestorationScheduled;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.subject.HubLinks;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.persistence.CounterNoticeEntity;
import org.modhub.moderation.dmca.persistence.CounterNoticeRepository;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.dmca.persistence.TakedownEntity;
import org.modhub.moderation.dmca.persistence.TakedownRepository;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;
import org.modhub.moderation.kit.timer.Timers;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Files counter-notices under 17 U.S.C. 512(g): checked for 512(g)(3) ({@link CounterNoticeCheck}),
 * forwarded to the claimant (512(g)(2)(B)), and the restoration clock started ({@link RestorationClock}
 * runs it). A counter-notice comes by REST from the signed-in uploader or by mail on the takedown's thread.
 */
@ApplicationScoped
public class CounterNoticeService {

    private final TakedownRepository takedowns;
    private final CounterNoticeRepository counterNotices;
    private final NoticeRepository notices;
    private final Outbox outbox;
    private final Timers timers;
    private final MailRequests mail;
    private final AuditTrail audit;
    private final DmcaConfig config;
    private final BusinessCalendar calendar;
    private final CounterNoticeCheck check;
    private final Clock clock;

    public CounterNoticeService(
            TakedownRepository takedowns,
            CounterNoticeRepository counterNotices,
            NoticeRepository notices,
            Outbox outbox,
            Timers timers,
            MailRequests mail,
            AuditTrail audit,
            DmcaConfig config,
            Clock clock) {
        this.takedowns = takedowns;
        this.counterNotices = counterNotices;
        this.notices = notices;
        this.outbox = outbox;
        this.timers = timers;
        this.mail = mail;
        this.audit = audit;
        this.config = config;
        this.calendar = new BusinessCalendar(ZoneId.of(config.clock().zone()));
        this.check = new CounterNoticeCheck(new HubLinks(config.intake().hubBaseUrl()));
        this.clock = clock;
    }

    /**
     * The signed-in uploader's counter-notice. Checked for 512(g)(3) (422 naming each deficient
     * element, nothing kept); a valid one is forwarded to the claimant and starts the restoration clock.
     */
    @WithTransaction
    public Uni<CounterNoticeEntity> counterNotice(UUID noticeId, String callerId, CounterNoticeInput input) {
        return takedowns.byNoticeAndUploader(noticeId, callerId).chain(t -> {
            // Only the uploader whose content the notice took down may counter-notify; anyone else sees no notice.
            if (t == null) {
                throw ProblemException.notFound("Notice", noticeId);
            }
            if (t.status != TakedownStatus.IN_FORCE) {
                throw ProblemException.conflict("The takedown on notice " + noticeId + " is " + t.status
                        + "; a counter-notice answers a takedown in force");
            }
            List<FieldError> errors = deficiencies(input, t);
            if (!errors.isEmpty()) {
                throw new ProblemException(
                        ProblemKind.UNPROCESSABLE,
                        "The counter-notice lacks elements of 17 U.S.C. 512(g)(3): "
                                + errors.stream().map(FieldError::field).collect(Collectors.joining(", ")),
                        errors);
            }
            return file(t, input, callerId, null);
        });
    }

    /** The elements of 512(g)(3) a counter-notice to {@code t} lacks, each by field (empty: valid). */
    public List<FieldError> deficiencies(CounterNoticeInput input, TakedownEntity t) {
        return check.deficiencies(input, t.subjects());
    }

    /**
     * Files a counter-notice already checked ({@link #deficiencies} empty) for a takedown in force,
     * in the caller's transaction: {@code CounterNoticeReceived}, {@code RestorationScheduled}, the
     * claimant's copy, and the uploader's receipt (answering {@code inReplyTo}, their mail, if any).
     */
    public Uni<CounterNoticeEntity> file(TakedownEntity t, CounterNoticeInput input, String actor, String inReplyTo) {
        Instant now = clock.instant();
        List<SubjectRef> subjects = t.subjects();
        CounterNoticeEntity c = new CounterNoticeEntity();
        c.id = UUID.randomUUID();
        c.noticeId = t.noticeId;
        c.takedownId = t.id;
        c.uploaderId = t.uploaderId;
        c.signature = input.signature().strip();
        c.material = check.material(input, subjects);
        c.name = input.name().strip();
        c.address = input.address().strip();
        c.phone = input.phone().strip();
        c.email = input.email() == null || input.email().isBlank()
                ? t.uploaderEmail
                : input.email().strip();
        c.status = CounterNoticeEntity.RUNNING;
        c.receivedAt = now;
        c.restoreAt = calendar.endOfBusinessDays(now, config.clock().restorationBusinessDays());
        t.status = TakedownStatus.COUNTERED;
        t.updatedAt = now;
        String subject = String.join(",", t.subjectKeys);
        String date = c.restoreAt.atZone(calendar.zone()).toLocalDate().toString();
        return counterNotices
                .persist(c)
                .chain(() -> timers.schedule(RestorationClock.RESTORE_TIMER, c.id.toString(), c.restoreAt, null))
                .chain(() -> timers.cancel(StrikeService.STRIKE_TIMER, t.id.toString()))
                .chain(() -> outbox.publish(
                        Topics.DMCA_EVENTS,
                        EventSources.DMCA_SERVICE,
                        new CounterNoticeReceived(c.id, t.noticeId, subjects, t.uploaderId, now)))
                .chain(() -> outbox.publish(
                        Topics.DMCA_EVENTS,
                        EventSources.DMCA_SERVICE,
                        new RestorationScheduled(t.noticeId, c.id, subjects, c.restoreAt, now)))
                .chain(() -> audit.record(
                        actor,
                        "COUNTER_NOTICE_ACCEPTED",
                        Audit.COUNTER_NOTICE,
                        c.id,
                        t.firstSubject(),
                        "notice " + t.noticeId + "; restoration due " + c.restoreAt))
                .chain(() -> notices.findById(t.noticeId))
                // 512(g)(2)(B): the claimant gets a copy of the counter-notice, contact details included. It says
                // "reply
                // to this mail with the evidence": the reply comes back on the notice's thread to ThreadMailService.
                .chain(notice -> mail.send(MailThreads.onNotice(
                                MailTemplateId.DMCA_COUNTER_NOTICE_FORWARDED, notice.contactEmail, t.noticeId)
                        .parameters(Map.of(
                                "noticeId",
                                t.noticeId.toString(),
                                "counterNoticeId",
                                c.id.toString(),
                                "subject",
                                subject,
                                "counterNoticeText",
                                counterNoticeText(c),
                                "restorationDate",
                                date,
                                "uploaderName",
                                c.name))
                        .once(MailTemplateId.DMCA_COUNTER_NOTICE_FORWARDED.id() + ":" + c.id)))
                .chain(() -> mail.send(MailThreads.onTakedown(MailTemplateId.DMCA_RESTORATION_SCHEDULED, c.email, t)
                        .parameters(
                                Map.of("noticeId", t.noticeId.toString(), "subject", subject, "restorationDate", date))
                        .once(MailTemplateId.DMCA_RESTORATION_SCHEDULED.id() + ":" + c.id)
                        .answering(inReplyTo)))
                .replaceWith(c);
    }

    /** The counter-notice as the claimant reads it: every 512(g)(3) element in words, the material one line each. */
    static String counterNoticeText(CounterNoticeEntity c) {
        StringBuilder lines = new StringBuilder();
        for (RemovedMaterial.Item item : c.material.items()) {
            lines.append("\n- ").append(item.url() == null ? "" : item.url());
            if (item.description() != null && !item.description().isBlank()) {
                lines.append(" (").append(item.description()).append(')');
            }
        }
        return "Signature: " + c.signature + "\nMaterial removed or disabled:" + lines
                + "\nI swear, under penalty of perjury, that I have a good faith belief that the material was removed or disabled "
                + "as a result of mistake or misidentification of the material to be removed or disabled."
                + "\nName: " + c.name + "\nAddress: " + c.address + "\nTelephone: " + c.phone
                + "\nI consent to the jurisdiction of the Federal District Court for the judicial district in which my address is "
                + "located, or if my address is outside of the United States, for any judicial district in which the service "
                + "provider may be found, and I will accept service of process from the person who provided the notification "
                + "or an agent of such person.";
    }
}
