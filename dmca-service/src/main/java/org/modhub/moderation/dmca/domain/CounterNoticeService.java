package org.modhub.moderation.dmca.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.CounterNoticeReceived;
import org.modhub.moderation.contracts.event.dmca.CourtActionReported;
import org.modhub.moderation.contracts.event.dmca.RestorationReason;
import org.modhub.moderation.contracts.event.dmca.RestorationScheduled;
import org.modhub.moderation.contracts.subject.HubLinks;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.messaging.DmcaMail;
import org.modhub.moderation.dmca.persistence.CounterNoticeEntity;
import org.modhub.moderation.dmca.persistence.CounterNoticeRepository;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.dmca.persistence.TakedownEntity;
import org.modhub.moderation.dmca.persistence.TakedownRepository;
import org.modhub.moderation.dmca.persistence.ThreadMailRepository;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;
import org.modhub.moderation.kit.timer.Timers;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counter-notices under 17 U.S.C. 512(g): checked for 512(g)(3), forwarded to the claimant
 * (512(g)(2)(B)), and the restoration clock (a kit timer: fires once across replicas, survives
 * restarts) that the claimant's court action stops (512(g)(2)(C)). A counter-notice comes by REST
 * from the signed-in uploader or by mail on the takedown's thread; the court action by REST from
 * legal, or as mailed evidence that legal confirms ({@link EvidenceService}).
 */
@ApplicationScoped
public class CounterNoticeService {

    /** Timer: the restoration clock of a counter-notice runs out (key: counter-notice id). */
    public static final String RESTORE_TIMER = "dmca.restore";

    private final TakedownRepository takedowns;
    private final CounterNoticeRepository counterNotices;
    private final NoticeRepository notices;
    private final ThreadMailRepository threadMails;
    private final StrikeService strikes;
    private final Outbox outbox;
    private final Timers timers;
    private final DmcaMail mail;
    private final AuditTrail audit;
    private final DmcaConfig config;
    private final BusinessCalendar calendar;
    private final HubLinks hub;
    private final Clock clock;

    public CounterNoticeService(TakedownRepository takedowns, CounterNoticeRepository counterNotices, NoticeRepository notices,
            ThreadMailRepository threadMails, StrikeService strikes, Outbox outbox, Timers timers, DmcaMail mail, AuditTrail audit,
            DmcaConfig config, Clock clock) {
        this.takedowns = takedowns;
        this.counterNotices = counterNotices;
        this.notices = notices;
        this.threadMails = threadMails;
        this.strikes = strikes;
        this.outbox = outbox;
        this.timers = timers;
        this.mail = mail;
        this.audit = audit;
        this.config = config;
        this.calendar = new BusinessCalendar(java.time.ZoneId.of(config.clock().zone()));
        this.hub = new HubLinks(config.intake().hubBaseUrl());
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
            List<FieldError> errors = deficiencies(input, TakedownService.subjects(t));
            if (!errors.isEmpty()) {
                throw new ProblemException(ProblemKind.UNPROCESSABLE, "The counter-notice lacks elements of 17 U.S.C. 512(g)(3): "
                        + errors.stream().map(FieldError::field).collect(Collectors.joining(", ")), errors);
            }
            return file(t, input, callerId, null);
        });
    }

    /**
     * Files a counter-notice already checked ({@link #deficiencies} empty) for a takedown in force,
     * in the caller's transaction: {@code CounterNoticeReceived}, {@code RestorationScheduled}, the
     * claimant's copy, and the uploader's receipt (answering {@code inReplyTo}, their mail, if any).
     */
    public Uni<CounterNoticeEntity> file(TakedownEntity t, CounterNoticeInput input, String actor, String inReplyTo) {
        Instant now = now();
        List<SubjectRef> subjects = TakedownService.subjects(t);
        CounterNoticeEntity c = new CounterNoticeEntity();
        c.id = UUID.randomUUID();
        c.noticeId = t.noticeId;
        c.takedownId = t.id;
        c.uploaderId = t.uploaderId;
        c.signature = input.signature().strip();
        c.material = Json.write(material(input, subjects));
        c.name = input.name().strip();
        c.address = input.address().strip();
        c.phone = input.phone().strip();
        c.email = input.email() == null || input.email().isBlank() ? t.uploaderEmail : input.email().strip();
        c.status = CounterNoticeEntity.RUNNING;
        c.receivedAt = now;
        c.restoreAt = calendar.endOfBusinessDays(now, config.clock().restorationBusinessDays());
        t.status = TakedownStatus.COUNTERED;
        t.updatedAt = now;
        String date = c.restoreAt.atZone(calendar.zone()).toLocalDate().toString();
        return counterNotices.persist(c)
                .chain(() -> timers.schedule(RESTORE_TIMER, c.id.toString(), c.restoreAt, null))
                .chain(() -> timers.cancel(StrikeService.STRIKE_TIMER, t.id.toString()))
                .chain(() -> outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE,
                        new CounterNoticeReceived(c.id, t.noticeId, subjects, t.uploaderId, now)))
                .chain(() -> outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE,
                        new RestorationScheduled(t.noticeId, c.id, subjects, c.restoreAt, now)))
                .chain(() -> audit.record(actor, "COUNTER_NOTICE_ACCEPTED", Audit.COUNTER_NOTICE, c.id, first(subjects),
                        "notice " + t.noticeId + "; restoration due " + c.restoreAt))
                .chain(() -> notices.findById(t.noticeId))
                .chain(notice -> {
                    Map<String, String> forward = new HashMap<>();
                    forward.put("noticeId", t.noticeId.toString());
                    forward.put("counterNoticeId", c.id.toString());
                    forward.put("subject", keys(subjects));
                    // 512(g)(2)(B): the claimant gets a copy of the counter-notice, contact details included.
                    forward.put("counterNoticeText", counterNoticeText(c));
                    forward.put("restorationDate", date);
                    forward.put("restoreAt", c.restoreAt.toString());
                    forward.put("uploaderName", c.name);
                    Map<String, String> toUploader = Map.of("noticeId", t.noticeId.toString(), "subject", keys(subjects),
                            "restorationDate", date, "restoreAt", c.restoreAt.toString());
                    // The forwarded copy says "reply to this mail with the evidence": the reply comes back on the notice's
                    // thread and EvidenceService attaches it to this notice for legal to confirm.
                    return mail.send(DmcaMail.COUNTER_NOTICE_FORWARDED, notice.contactEmail, null, forward,
                            DmcaMail.noticeThread(t.noticeId), DmcaMail.COUNTER_NOTICE_FORWARDED + ":" + c.id)
                            .chain(() -> mail.send(DmcaMail.RESTORATION_SCHEDULED, c.email, t.uploaderId, toUploader,
                                    DmcaMail.takedownThread(t.id), DmcaMail.RESTORATION_SCHEDULED + ":" + c.id, inReplyTo));
                })
                .replaceWith(c);
    }

    /** Legal records the claimant's court-action evidence before the deadline: the content stays disabled. */
    @WithTransaction
    public Uni<CounterNoticeEntity> courtAction(UUID counterNoticeId, CourtAction evidence, String recordedBy) {
        Instant now = now();
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
    public Uni<CounterNoticeEntity> recordCourtAction(CounterNoticeEntity c, CourtAction evidence, String actor, UUID evidenceId) {
        if (!isOpen(c)) {
            throw ProblemException.conflict("Counter-notice " + c.id + " is " + c.status + "; its clock is not running");
        }
        Instant now = now();
        c.status = CounterNoticeEntity.COURT_ACTION;
        Map<String, Object> record = new HashMap<>();
        record.put("court", evidence.court());
        record.put("caseNumber", evidence.caseNumber());
        record.put("filedOn", evidence.filedOn().toString());
        record.put("documentUrl", evidence.documentUrl());
        record.put("note", evidence.note());
        record.put("recordedBy", actor);
        if (evidenceId != null) {
            record.put("evidenceId", evidenceId.toString());
        }
        c.courtAction = Json.write(record);
        c.courtActionAt = now;
        return timers.cancel(RESTORE_TIMER, c.id.toString())
                .chain(() -> takedowns.findById(c.takedownId))
                .chain(t -> {
                    t.status = TakedownStatus.UPHELD;
                    t.updatedAt = now;
                    List<SubjectRef> subjects = TakedownService.subjects(t);
                    return outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE,
                            new CourtActionReported(c.noticeId, c.id, subjects, now))
                            .chain(() -> audit.record(actor, evidenceId == null ? "COURT_ACTION_ENTERED" : "COURT_ACTION_CONFIRMED",
                                    Audit.COUNTER_NOTICE, c.id, first(subjects), evidence.court() + ", case " + evidence.caseNumber()
                                            + (evidenceId == null ? "" : "; evidence " + evidenceId)))
                            .chain(() -> mail.send(DmcaMail.COURT_ACTION_REPORTED, c.email, c.uploaderId,
                                    Map.of("noticeId", c.noticeId.toString(), "subject", keys(subjects),
                                            "court", evidence.court(), "caseNumber", evidence.caseNumber()),
                                    DmcaMail.takedownThread(t.id), DmcaMail.COURT_ACTION_REPORTED + ":" + c.id))
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
                    return audit.record(Audit.SYSTEM, "RESTORATION_HELD_FOR_EVIDENCE", Audit.COUNTER_NOTICE, c.id, null,
                            waiting + " court-action evidence mail(s) received before the deadline await legal");
                }
                return restore(c, Audit.SYSTEM);
            });
        });
    }

    /** Restores the content of an open counter-notice, in the caller's transaction: {@code ContentRestored}, both parties told. */
    public Uni<Void> restore(CounterNoticeEntity c, String actor) {
        Instant now = now();
        c.status = CounterNoticeEntity.RESTORED;
        c.restoredAt = now;
        return takedowns.findById(c.takedownId).chain(t -> {
            t.status = TakedownStatus.RESTORED;
            t.updatedAt = now;
            List<SubjectRef> subjects = TakedownService.subjects(t);
            Map<String, String> p = Map.of("noticeId", c.noticeId.toString(), "subject", keys(subjects), "restoredAt", now.toString());
            return outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE, new ContentRestored(c.noticeId, c.id, subjects,
                    t.uploaderId, RestorationReason.COUNTER_NOTICE_PERIOD_ELAPSED, now))
                    .chain(() -> audit.record(actor, "CONTENT_RESTORED", Audit.COUNTER_NOTICE, c.id, first(subjects),
                            "counter-notice period elapsed without a court action"))
                    .chain(() -> notices.findById(c.noticeId))
                    .chain(notice -> mail.send(DmcaMail.RESTORATION_DONE, notice.contactEmail, null, p,
                            DmcaMail.noticeThread(c.noticeId), DmcaMail.RESTORATION_DONE + ":claimant:" + c.id))
                    .chain(() -> mail.send(DmcaMail.RESTORATION_DONE, c.email, c.uploaderId, p, DmcaMail.takedownThread(t.id),
                            DmcaMail.RESTORATION_DONE + ":uploader:" + c.id));
        });
    }

    /** Whether the counter-notice's outcome is still open: its clock runs, or evidence holds it. */
    public static boolean isOpen(CounterNoticeEntity c) {
        return CounterNoticeEntity.RUNNING.equals(c.status) || CounterNoticeEntity.EVIDENCE_PENDING.equals(c.status);
    }

    /** The elements of 512(g)(3) a counter-notice lacks, each by field (empty: valid). */
    public List<FieldError> deficiencies(CounterNoticeInput in, List<SubjectRef> subjects) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(in.signature())) {
            errors.add(new FieldError("signature", "512(g)(3)(A): a physical or electronic signature is required"));
        }
        List<CounterNoticeInput.Item> items = in.material() == null ? List.of() : in.material();
        if (items.isEmpty()) {
            errors.add(new FieldError("material", "512(g)(3)(B): identify the material removed and where it appeared"));
        }
        for (int i = 0; i < items.size(); i++) {
            if (resolve(items.get(i), subjects) == null) {
                errors.add(new FieldError("material[" + i + "].url",
                        "512(g)(3)(B): must be the hub URL of material this takedown disabled (" + keys(subjects) + ")"));
            }
        }
        if (!in.goodFaithUnderPenaltyOfPerjury()) {
            errors.add(new FieldError("goodFaithUnderPenaltyOfPerjury", "512(g)(3)(C): state under penalty of perjury a good "
                    + "faith belief that the material was removed as a result of mistake or misidentification"));
        }
        if (blank(in.name())) {
            errors.add(new FieldError("name", "512(g)(3)(D): your name is required"));
        }
        if (blank(in.address())) {
            errors.add(new FieldError("address", "512(g)(3)(D): your address is required"));
        }
        if (blank(in.phone())) {
            errors.add(new FieldError("phone", "512(g)(3)(D): your telephone number is required"));
        }
        if (!blank(in.email()) && !NoticeCheck.isEmail(in.email())) {
            errors.add(new FieldError("email", "is not an email address"));
        }
        if (!in.consentToJurisdiction()) {
            errors.add(new FieldError("consentToJurisdiction", "512(g)(3)(D): consent to the jurisdiction of the Federal District "
                    + "Court for your address (or, outside the U.S., any judicial district where the hub may be found) is required"));
        }
        if (!in.consentToServiceOfProcess()) {
            errors.add(new FieldError("consentToServiceOfProcess",
                    "512(g)(3)(D): consent to accept service of process from the person who sent the notice is required"));
        }
        return errors;
    }

    private List<Map<String, String>> material(CounterNoticeInput in, List<SubjectRef> subjects) {
        List<Map<String, String>> material = new ArrayList<>();
        for (CounterNoticeInput.Item item : in.material()) {
            SubjectRef subject = resolve(item, subjects);
            material.add(Map.of("url", item.url().strip(), "subject", subject.key(), "description",
                    item.description() == null ? "" : item.description()));
        }
        return material;
    }

    private SubjectRef resolve(CounterNoticeInput.Item item, List<SubjectRef> subjects) {
        String url = item == null || blank(item.url()) ? null : item.url().strip();
        SubjectRef subject = url == null ? null : hub.subject(url).orElse(null);
        return subject != null && covers(subjects, subject) ? subject : null;
    }

    private static boolean covers(List<SubjectRef> subjects, SubjectRef named) {
        return subjects.contains(named) || named.repository().map(subjects::contains).orElse(false);
    }

    /** The counter-notice as the claimant reads it: every 512(g)(3) element in words, the material one line each. */
    static String counterNoticeText(CounterNoticeEntity c) {
        List<Map<String, String>> material = Json.read(c.material, new TypeReference<List<Map<String, String>>>() {
        });
        StringBuilder lines = new StringBuilder();
        for (Map<String, String> item : material) {
            lines.append("\n- ").append(item.getOrDefault("url", ""));
            String description = item.get("description");
            if (description != null && !description.isBlank()) {
                lines.append(" (").append(description).append(')');
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

    static String keys(List<SubjectRef> subjects) {
        return subjects.stream().map(SubjectRef::key).collect(Collectors.joining(","));
    }

    static String first(List<SubjectRef> subjects) {
        return subjects.isEmpty() ? null : subjects.get(0).key();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
