package org.modhub.moderation.dmca.domain;

import org.modhub.moderation.contracts.subject.HubLinks;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.dmca.ContentRestored;
import org.modhub.moderation.contracts.event.dmca.CounterNoticeReceived;
import org.modhub.moderation.contracts.event.dmca.CourtActionReported;
import org.modhub.moderation.contracts.event.dmca.RestorationReason;
import org.modhub.moderation.contracts.event.dmca.RestorationScheduled;
import org.modhub.moderation.contracts.event.dmca.StrikeRecorded;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.dmca.TakedownScope;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.messaging.DmcaMail;
import org.modhub.moderation.dmca.persistence.CounterNoticeEntity;
import org.modhub.moderation.dmca.persistence.CounterNoticeRepository;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.dmca.persistence.StrikeEntity;
import org.modhub.moderation.dmca.persistence.StrikeRepository;
import org.modhub.moderation.dmca.persistence.TakedownEntity;
import org.modhub.moderation.dmca.persistence.TakedownRepository;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;
import org.modhub.moderation.kit.timer.Timers;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Takedowns of accepted notices and what follows them under 17 U.S.C. 512(g) and (i): the
 * partial-files window, counter-notices and the restoration clock (a kit timer, so it fires once
 * across replicas and survives restarts), the claimant's court action, restoration, strikes.
 */
@ApplicationScoped
public class TakedownService {

    /** Timer: the partial-files window of a takedown ends (key: takedown id). */
    public static final String PARTIAL_WINDOW_TIMER = "dmca.partial-window";
    /** Timer: the restoration clock of a counter-notice runs out (key: counter-notice id). */
    public static final String RESTORE_TIMER = "dmca.restore";
    /** Timer: a takedown not countered in time becomes a strike (key: takedown id). */
    public static final String STRIKE_TIMER = "dmca.strike";

    private final TakedownRepository takedowns;
    private final CounterNoticeRepository counterNotices;
    private final NoticeRepository notices;
    private final StrikeRepository strikes;
    private final Outbox outbox;
    private final Timers timers;
    private final DmcaMail mail;
    private final DmcaConfig config;
    private final BusinessCalendar calendar;
    private final HubLinks hub;
    private final Clock clock;

    public TakedownService(TakedownRepository takedowns, CounterNoticeRepository counterNotices, NoticeRepository notices,
            StrikeRepository strikes, Outbox outbox, Timers timers, DmcaMail mail, DmcaConfig config, Clock clock) {
        this.takedowns = takedowns;
        this.counterNotices = counterNotices;
        this.notices = notices;
        this.strikes = strikes;
        this.outbox = outbox;
        this.timers = timers;
        this.mail = mail;
        this.config = config;
        this.calendar = new BusinessCalendar(java.time.ZoneId.of(config.clock().zone()));
        this.hub = new HubLinks(config.intake().hubBaseUrl());
        this.clock = clock;
    }

    // --- ordering ---

    /**
     * Orders the takedown of one uploader's content, in the caller's transaction. Where only files
     * of a repository are named, the owner first gets the window to remove them.
     */
    public Uni<TakedownEntity> order(NoticeEntity notice, Owner owner, String orderedBy, Instant now) {
        TakedownEntity t = new TakedownEntity();
        t.id = UUID.randomUUID();
        t.noticeId = notice.id;
        t.uploaderId = owner.id();
        t.uploaderName = owner.name();
        t.uploaderEmail = owner.email();
        t.subjectKeys = Json.write(owner.subjects().stream().map(SubjectRef::key).toList());
        t.orderedBy = orderedBy;
        t.createdAt = now;
        t.updatedAt = now;
        boolean onlyFiles = owner.subjects().stream().allMatch(s -> s.kind() == SubjectKind.FILE);
        if (onlyFiles) {
            t.scope = TakedownScope.PARTIAL;
            t.status = TakedownStatus.AWAITING_REMOVAL;
            t.removalDeadline = calendar.endOfBusinessDays(now, config.clock().partialRemovalBusinessDays());
            Map<String, String> p = base(notice, t);
            p.put("deadline", t.removalDeadline.toString());
            p.put("filesRemovedUrl", hubUrl("/dmca/takedowns/" + t.id + "/files-removed"));
            return takedowns.persist(t)
                    .chain(() -> timers.schedule(PARTIAL_WINDOW_TIMER, t.id.toString(), t.removalDeadline, null))
                    .chain(() -> mail.send(DmcaMail.PARTIAL_REMOVAL_REQUEST, t.uploaderEmail, t.uploaderId, p,
                            DmcaMail.takedownThread(t.id), DmcaMail.PARTIAL_REMOVAL_REQUEST + ":" + t.id))
                    .replaceWith(t);
        }
        t.scope = TakedownScope.WHOLE;
        t.status = TakedownStatus.IN_FORCE;
        return takedowns.persist(t).chain(() -> enforce(notice, t, now)).replaceWith(t);
    }

    /** The owner says the infringing files are gone: the partial takedown stands for them, the repository stays up. */
    @WithTransaction
    public Uni<TakedownEntity> filesRemoved(UUID takedownId, String callerId) {
        Instant now = now();
        return takedowns.findById(takedownId).chain(t -> {
            if (t == null || !t.uploaderId.equals(callerId)) {
                throw ProblemException.notFound("Takedown", takedownId);
            }
            if (t.status != TakedownStatus.AWAITING_REMOVAL) {
                throw ProblemException.conflict("Takedown " + takedownId + " is " + t.status + ", not waiting for the files' removal");
            }
            return timers.cancel(PARTIAL_WINDOW_TIMER, t.id.toString())
                    .chain(() -> notices.findById(t.noticeId))
                    .chain(notice -> enforce(notice, t, now)).replaceWith(t);
        });
    }

    /** The partial-files window ended with the files still there: the whole repository is disabled. */
    public Uni<Void> partialWindowElapsed(UUID takedownId) {
        Instant now = now();
        return takedowns.findById(takedownId).chain(t -> {
            if (t == null || t.status != TakedownStatus.AWAITING_REMOVAL) {
                return Uni.createFrom().voidItem();
            }
            Set<String> repositories = new LinkedHashSet<>();
            for (SubjectRef s : subjects(t)) {
                repositories.add(s.repository().orElse(s).key());
            }
            t.scope = TakedownScope.WHOLE;
            t.subjectKeys = Json.write(new ArrayList<>(repositories));
            return notices.findById(t.noticeId).chain(notice -> enforce(notice, t, now));
        });
    }

    /** {@code TakedownOrdered}, the uploader's mail with the redacted notice, and the strike clock. */
    private Uni<Void> enforce(NoticeEntity notice, TakedownEntity t, Instant now) {
        t.status = TakedownStatus.IN_FORCE;
        t.orderedAt = now;
        t.updatedAt = now;
        TakedownOrdered event = new TakedownOrdered(notice.id, subjects(t), t.uploaderId, t.scope, t.orderedBy, now);
        Map<String, String> p = base(notice, t);
        p.put("noticeUrl", hubUrl("/dmca/notices/" + notice.id));
        p.put("counterNoticeUrl", hubUrl("/dmca/counter-notice?notice=" + notice.id));
        p.put("scope", t.scope.name());
        return outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE, event)
                .chain(() -> mail.send(DmcaMail.TAKEDOWN_UPLOADER, t.uploaderEmail, t.uploaderId, p, DmcaMail.takedownThread(t.id),
                        DmcaMail.TAKEDOWN_UPLOADER + ":" + t.id + ":" + t.scope))
                .chain(() -> timers.schedule(STRIKE_TIMER, t.id.toString(), now.plus(config.strikes().counterNoticeGrace()), null));
    }

    // --- counter-notices ---

    /**
     * The affected owner's counter-notice. Checked for 512(g)(3) (each deficient element named,
     * nothing kept); a valid one is forwarded to the claimant and starts the restoration clock.
     */
    @WithTransaction
    public Uni<CounterNoticeEntity> counterNotice(UUID noticeId, String callerId, CounterNoticeInput input) {
        Instant now = now();
        return takedowns.byNoticeAndUploader(noticeId, callerId).chain(t -> {
            // Only the uploader whose content the notice took down may counter-notify; anyone else sees no notice.
            if (t == null) {
                throw ProblemException.notFound("Notice", noticeId);
            }
            if (t.status != TakedownStatus.IN_FORCE) {
                throw ProblemException.conflict("The takedown on notice " + noticeId + " is " + t.status
                        + "; a counter-notice answers a takedown in force");
            }
            List<SubjectRef> subjects = subjects(t);
            List<Map<String, String>> material = checkCounterNotice(input, subjects);
            CounterNoticeEntity c = new CounterNoticeEntity();
            c.id = UUID.randomUUID();
            c.noticeId = noticeId;
            c.takedownId = t.id;
            c.uploaderId = callerId;
            c.signature = input.signature().strip();
            c.material = Json.write(material);
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
                    .chain(() -> timers.cancel(STRIKE_TIMER, t.id.toString()))
                    .chain(() -> outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE,
                            new CounterNoticeReceived(c.id, noticeId, subjects, callerId, now)))
                    .chain(() -> outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE,
                            new RestorationScheduled(noticeId, c.id, subjects, c.restoreAt, now)))
                    .chain(() -> notices.findById(noticeId))
                    .chain(notice -> {
                        Map<String, String> forward = new HashMap<>();
                        forward.put("noticeId", noticeId.toString());
                        forward.put("counterNoticeId", c.id.toString());
                        forward.put("subject", keys(subjects));
                        // 512(g)(2)(B): the claimant gets a copy of the counter-notice, contact details included.
                        forward.put("counterNoticeText", counterNoticeText(c, input));
                        forward.put("restorationDate", date);
                        forward.put("restoreAt", c.restoreAt.toString());
                        forward.put("uploaderName", c.name);
                        Map<String, String> toUploader = Map.of("noticeId", noticeId.toString(), "subject", keys(subjects),
                                "restorationDate", date, "restoreAt", c.restoreAt.toString());
                        return mail.send(DmcaMail.COUNTER_NOTICE_FORWARDED, notice.contactEmail, null, forward,
                                DmcaMail.noticeThread(noticeId), DmcaMail.COUNTER_NOTICE_FORWARDED + ":" + c.id)
                                .chain(() -> mail.send(DmcaMail.RESTORATION_SCHEDULED, c.email, callerId, toUploader,
                                        DmcaMail.takedownThread(t.id), DmcaMail.RESTORATION_SCHEDULED + ":" + c.id));
                    })
                    .replaceWith(c);
        });
    }

    /** Legal records the claimant's court-action evidence before the deadline: the content stays disabled. */
    @WithTransaction
    public Uni<CounterNoticeEntity> courtAction(UUID counterNoticeId, CourtAction evidence, String recordedBy) {
        Instant now = now();
        return counterNotices.findById(counterNoticeId).chain(c -> {
            if (c == null) {
                throw ProblemException.notFound("Counter-notice", counterNoticeId);
            }
            if (!CounterNoticeEntity.RUNNING.equals(c.status)) {
                throw ProblemException.conflict("Counter-notice " + counterNoticeId + " is " + c.status + "; its clock is not running");
            }
            if (!now.isBefore(c.restoreAt)) {
                throw ProblemException.conflict("The restoration deadline " + c.restoreAt + " has passed");
            }
            c.status = CounterNoticeEntity.COURT_ACTION;
            Map<String, Object> record = new HashMap<>();
            record.put("court", evidence.court());
            record.put("caseNumber", evidence.caseNumber());
            record.put("filedOn", evidence.filedOn().toString());
            record.put("documentUrl", evidence.documentUrl());
            record.put("note", evidence.note());
            record.put("recordedBy", recordedBy);
            c.courtAction = Json.write(record);
            c.courtActionAt = now;
            return timers.cancel(RESTORE_TIMER, c.id.toString())
                    .chain(() -> takedowns.findById(c.takedownId))
                    .chain(t -> {
                        t.status = TakedownStatus.UPHELD;
                        t.updatedAt = now;
                        List<SubjectRef> subjects = subjects(t);
                        return outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE,
                                new CourtActionReported(c.noticeId, c.id, subjects, now))
                                .chain(() -> mail.send(DmcaMail.COURT_ACTION_REPORTED, c.email, c.uploaderId,
                                        Map.of("noticeId", c.noticeId.toString(), "subject", keys(subjects),
                                                "court", evidence.court(), "caseNumber", evidence.caseNumber()),
                                        DmcaMail.takedownThread(t.id), DmcaMail.COURT_ACTION_REPORTED + ":" + c.id))
                                .chain(() -> recordStrike(t, "COURT_ACTION", now));
                    })
                    .replaceWith(c);
        });
    }

    /** The restoration clock ran out without a court action: {@code ContentRestored}, both parties told. */
    public Uni<Void> restorationDue(UUID counterNoticeId) {
        Instant now = now();
        return counterNotices.findById(counterNoticeId).chain(c -> {
            if (c == null || !CounterNoticeEntity.RUNNING.equals(c.status)) {
                return Uni.createFrom().voidItem();
            }
            c.status = CounterNoticeEntity.RESTORED;
            c.restoredAt = now;
            return takedowns.findById(c.takedownId).chain(t -> {
                t.status = TakedownStatus.RESTORED;
                t.updatedAt = now;
                List<SubjectRef> subjects = subjects(t);
                Map<String, String> p = Map.of("noticeId", c.noticeId.toString(), "subject", keys(subjects),
                        "restoredAt", now.toString());
                return outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE, new ContentRestored(c.noticeId, c.id, subjects,
                        t.uploaderId, RestorationReason.COUNTER_NOTICE_PERIOD_ELAPSED, now))
                        .chain(() -> notices.findById(c.noticeId))
                        .chain(notice -> mail.send(DmcaMail.RESTORATION_DONE, notice.contactEmail, null, p,
                                DmcaMail.noticeThread(c.noticeId), DmcaMail.RESTORATION_DONE + ":claimant:" + c.id))
                        .chain(() -> mail.send(DmcaMail.RESTORATION_DONE, c.email, c.uploaderId, p, DmcaMail.takedownThread(t.id),
                                DmcaMail.RESTORATION_DONE + ":uploader:" + c.id));
            });
        });
    }

    // --- strikes ---

    /** A takedown not countered within the grace period stood: a strike. */
    public Uni<Void> strikeDue(UUID takedownId) {
        return takedowns.findById(takedownId).chain(t -> t == null || t.status != TakedownStatus.IN_FORCE
                ? Uni.createFrom().voidItem()
                : recordStrike(t, "NOT_COUNTERED", now()));
    }

    /** One strike per takedown that stood; at the threshold, {@code StrikeRecorded} recommends termination. */
    private Uni<Void> recordStrike(TakedownEntity t, String reason, Instant now) {
        return strikes.byTakedown(t.id).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            StrikeEntity s = new StrikeEntity();
            s.id = UUID.randomUUID();
            s.accountId = t.uploaderId;
            s.accountName = t.uploaderName;
            s.noticeId = t.noticeId;
            s.takedownId = t.id;
            s.reason = reason;
            s.recordedAt = now;
            return strikes.persist(s).chain(() -> strikes.inForce(t.uploaderId, now.minus(config.strikes().lookback())))
                    .chain(count -> {
                        boolean repeat = count >= config.strikes().threshold();
                        if (repeat) {
                            Log.infof("Account %s reached %d DMCA strikes: termination recommended", t.uploaderId, count);
                        }
                        return outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE, new StrikeRecorded(t.uploaderId,
                                SubjectRef.account(t.uploaderName), t.noticeId, count.intValue(), repeat, now, List.of(t.noticeId)));
                    }).replaceWithVoid();
        });
    }

    @WithSession
    public Uni<List<StrikeEntity>> strikesOf(String accountId) {
        return strikes.ofAccount(accountId);
    }

    @WithSession
    public Uni<List<TakedownEntity>> ofNotice(UUID noticeId) {
        return takedowns.byNotice(noticeId);
    }

    @WithSession
    public Uni<List<TakedownEntity>> ofUploader(String uploaderId) {
        return takedowns.byUploader(uploaderId);
    }

    @WithSession
    public Uni<CounterNoticeEntity> counterNoticeOf(UUID takedownId) {
        return counterNotices.byTakedown(takedownId);
    }

    /** A takedown and its counter-notice, if any. */
    public record TakedownDetail(TakedownEntity takedown, CounterNoticeEntity counterNotice, NoticeEntity notice) {
    }

    @WithSession
    public Uni<List<TakedownDetail>> details(UUID noticeId) {
        return takedowns.byNotice(noticeId).chain(this::withCounterNotices);
    }

    @WithSession
    public Uni<List<TakedownDetail>> mine(String uploaderId) {
        return takedowns.byUploader(uploaderId).chain(this::withCounterNotices);
    }

    private Uni<List<TakedownDetail>> withCounterNotices(List<TakedownEntity> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return io.smallrye.mutiny.Multi.createFrom().iterable(list)
                .onItem().transformToUniAndConcatenate(t -> counterNotices.byTakedown(t.id)
                        .chain(c -> notices.findById(t.noticeId).map(n -> new TakedownDetail(t, c, n))))
                .collect().asList();
    }

    public int strikeThreshold() {
        return config.strikes().threshold();
    }

    // --- helpers ---

    /** Checks 512(g)(3); throws 422 naming each deficient element and field. */
    private List<Map<String, String>> checkCounterNotice(CounterNoticeInput in, List<SubjectRef> subjects) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(in.signature())) {
            errors.add(new FieldError("signature", "512(g)(3)(A): a physical or electronic signature is required"));
        }
        List<Map<String, String>> material = new ArrayList<>();
        List<CounterNoticeInput.Item> items = in.material() == null ? List.of() : in.material();
        if (items.isEmpty()) {
            errors.add(new FieldError("material", "512(g)(3)(B): identify the material removed and where it appeared"));
        }
        for (int i = 0; i < items.size(); i++) {
            CounterNoticeInput.Item item = items.get(i);
            String url = item == null || blank(item.url()) ? null : item.url().strip();
            SubjectRef subject = url == null ? null : hub.subject(url).orElse(null);
            if (subject == null || !covers(subjects, subject)) {
                errors.add(new FieldError("material[" + i + "].url",
                        "512(g)(3)(B): must be the hub URL of material this takedown disabled (" + keys(subjects) + ")"));
            } else {
                material.add(Map.of("url", url, "subject", subject.key(), "description",
                        item.description() == null ? "" : item.description()));
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
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemKind.UNPROCESSABLE, "The counter-notice lacks elements of 17 U.S.C. 512(g)(3): "
                    + errors.stream().map(FieldError::field).collect(Collectors.joining(", ")), errors);
        }
        return material;
    }

    private static boolean covers(List<SubjectRef> subjects, SubjectRef named) {
        return subjects.contains(named) || named.repository().map(subjects::contains).orElse(false);
    }

    private static String counterNoticeText(CounterNoticeEntity c, CounterNoticeInput in) {
        return "Signature: " + c.signature + "\nMaterial: " + Json.write(Json.read(c.material,
                new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, String>>>() {
                }))
                + "\nI swear, under penalty of perjury, that I have a good faith belief that the material was removed or disabled "
                + "as a result of mistake or misidentification of the material to be removed or disabled."
                + "\nName: " + c.name + "\nAddress: " + c.address + "\nTelephone: " + c.phone
                + "\nI consent to the jurisdiction of the Federal District Court for the judicial district in which my address is "
                + "located, or if my address is outside of the United States, for any judicial district in which the service "
                + "provider may be found, and I will accept service of process from the person who provided the notification "
                + "or an agent of such person.";
    }

    private Map<String, String> base(NoticeEntity notice, TakedownEntity t) {
        Map<String, String> p = new HashMap<>();
        p.put("noticeId", notice.id.toString());
        p.put("takedownId", t.id.toString());
        p.put("subject", String.join(",", Json.strings(t.subjectKeys)));
        p.put("copyrightedWork", NoticeService.works(notice).stream().map(w -> Redaction.text(w.description()))
                .filter(d -> d != null && !d.isBlank()).collect(Collectors.joining("; ")));
        p.put("claimantName", Redaction.claimant(notice.contactOrganisation));
        return p;
    }

    private String hubUrl(String path) {
        return config.intake().hubBaseUrl().replaceFirst("/+$", "") + path;
    }

    public static List<SubjectRef> subjects(TakedownEntity t) {
        return Json.strings(t.subjectKeys).stream().map(SubjectRef::parse).toList();
    }

    private static String keys(List<SubjectRef> subjects) {
        return subjects.stream().map(SubjectRef::key).collect(Collectors.joining(","));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
