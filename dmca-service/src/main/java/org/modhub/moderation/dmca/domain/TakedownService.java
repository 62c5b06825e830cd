package org.modhub.moderation.dmca.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.dmca.TakedownOrdered;
import org.modhub.moderation.contracts.event.dmca.TakedownScope;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.subject.SubjectKind;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.persistence.CounterNoticeEntity;
import org.modhub.moderation.dmca.persistence.CounterNoticeRepository;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.dmca.persistence.TakedownEntity;
import org.modhub.moderation.dmca.persistence.TakedownRepository;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.mail.MailRequest;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.timer.Timers;
import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Takedowns of accepted notices: one per uploader, the partial-files window (a kit timer, so it
 * fires once across replicas and survives restarts), and the takedown put in force with the
 * uploader told and the strike grace period started. What follows is {@link CounterNoticeService}'s
 * (512(g)) and {@link StrikeService}'s (512(i)).
 */
@ApplicationScoped
public class TakedownService {

    /** Timer: the partial-files window of a takedown ends (key: takedown id). */
    public static final String PARTIAL_WINDOW_TIMER = "dmca.partial-window";

    private final TakedownRepository takedowns;
    private final CounterNoticeRepository counterNotices;
    private final NoticeRepository notices;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Timers timers;
    private final MailRequests mail;
    private final DmcaConfig config;
    private final BusinessCalendar calendar;
    private final Clock clock;

    public TakedownService(
            TakedownRepository takedowns,
            CounterNoticeRepository counterNotices,
            NoticeRepository notices,
            Outbox outbox,
            AuditTrail audit,
            Timers timers,
            MailRequests mail,
            DmcaConfig config,
            Clock clock) {
        this.takedowns = takedowns;
        this.counterNotices = counterNotices;
        this.notices = notices;
        this.outbox = outbox;
        this.audit = audit;
        this.timers = timers;
        this.mail = mail;
        this.config = config;
        this.calendar = new BusinessCalendar(ZoneId.of(config.clock().zone()));
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
        t.uploaderLanguage = owner.language();
        t.subjectKeys = owner.subjects().stream().map(SubjectRef::key).toList();
        t.orderedBy = orderedBy;
        t.createdAt = now;
        t.updatedAt = now;
        boolean onlyFiles = owner.subjects().stream().allMatch(s -> s.kind() == SubjectKind.FILE);
        if (onlyFiles) {
            t.scope = TakedownScope.PARTIAL;
            t.status = TakedownStatus.AWAITING_REMOVAL;
            t.removalDeadline = calendar.endOfBusinessDays(now, config.clock().partialRemovalBusinessDays());
            return takedowns
                    .persist(t)
                    .chain(() -> timers.schedule(PARTIAL_WINDOW_TIMER, t.id.toString(), t.removalDeadline, null))
                    .chain(() -> mail.send(toUploader(notice, t, Map.of())
                            .once(MailTemplateId.DMCA_PARTIAL_REMOVAL_REQUEST.id() + ":" + t.id)))
                    .replaceWith(t);
        }
        t.scope = TakedownScope.WHOLE;
        t.status = TakedownStatus.IN_FORCE;
        return takedowns.persist(t).chain(() -> enforce(notice, t, now)).replaceWith(t);
    }

    /** The owner says the infringing files are gone: the partial takedown stands for them, the repository stays up. */
    @WithTransaction
    public Uni<TakedownEntity> filesRemoved(UUID takedownId, String callerId) {
        Instant now = clock.instant();
        return takedowns.findById(takedownId).chain(t -> {
            if (t == null || !t.uploaderId.equals(callerId)) {
                throw ProblemException.notFound("Takedown", takedownId);
            }
            if (t.status != TakedownStatus.AWAITING_REMOVAL) {
                throw ProblemException.conflict(
                        "Takedown " + takedownId + " is " + t.status + ", not waiting for the files' removal");
            }
            return timers.cancel(PARTIAL_WINDOW_TIMER, t.id.toString())
                    .chain(() -> audit.record(
                            callerId,
                            "FILES_REMOVED_BY_OWNER",
                            Audit.TAKEDOWN,
                            t.id,
                            t.firstSubject(),
                            "partial takedown stands for the named files"))
                    .chain(() -> notices.findById(t.noticeId))
                    .chain(notice -> enforce(notice, t, now))
                    .replaceWith(t);
        });
    }

    /** The partial-files window ended with the files still there: the whole repository is disabled. */
    public Uni<Void> partialWindowElapsed(UUID takedownId) {
        Instant now = clock.instant();
        return takedowns.findById(takedownId).chain(t -> {
            if (t == null || t.status != TakedownStatus.AWAITING_REMOVAL) {
                return Uni.createFrom().voidItem();
            }
            Set<String> repositories = new LinkedHashSet<>();
            for (SubjectRef s : t.subjects()) {
                repositories.add(s.repository().orElse(s).key());
            }
            t.scope = TakedownScope.WHOLE;
            t.subjectKeys = List.copyOf(repositories);
            return audit.record(
                            Audit.SYSTEM,
                            "PARTIAL_WINDOW_ELAPSED",
                            Audit.TAKEDOWN,
                            t.id,
                            repositories.iterator().next(),
                            "files still there: the whole repository is disabled")
                    .chain(() -> notices.findById(t.noticeId))
                    .chain(notice -> enforce(notice, t, now));
        });
    }

    /** {@code TakedownOrdered}, the uploader's mail with the redacted notice, and the strike clock. */
    private Uni<Void> enforce(NoticeEntity notice, TakedownEntity t, Instant now) {
        t.status = TakedownStatus.IN_FORCE;
        t.orderedAt = now;
        t.updatedAt = now;
        TakedownOrdered event = new TakedownOrdered(notice.id, t.subjects(), t.uploaderId, t.scope, t.orderedBy, now);
        return outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE, event)
                .chain(() -> mail.send(toUploader(notice, t, Map.of())
                        .once(MailTemplateId.DMCA_TAKEDOWN_UPLOADER.id() + ":" + t.id + ":" + t.scope)))
                .chain(() -> timers.schedule(
                        StrikeService.STRIKE_TIMER,
                        t.id.toString(),
                        now.plus(config.strikes().counterNoticeGrace()),
                        null));
    }

    /**
     * Answers the uploader's mail on the takedown's thread (in the caller's transaction) with what
     * they can do now, threaded to their mail: while the partial-files window is open, the request
     * to remove the files; otherwise the takedown mail with the counter-notice form. {@code extra}
     * says what was received (e.g. the 512(g)(3) elements a mailed counter-notice lacks).
     */
    public Uni<Void> answerUploader(
            TakedownEntity t, Map<String, String> extra, String inReplyTo, String idempotencyKey) {
        return notices.findById(t.noticeId)
                .chain(notice -> mail.send(
                        toUploader(notice, t, extra).once(idempotencyKey).answering(inReplyTo)));
    }

    /** A takedown and its counter-notice, if any. */
    public record TakedownDetail(TakedownEntity takedown, CounterNoticeEntity counterNotice, NoticeEntity notice) {}

    @WithSession
    public Uni<List<TakedownDetail>> details(UUID noticeId) {
        return takedowns.byNotice(noticeId).chain(this::withCounterNotices);
    }

    /** Up to {@code limit} takedowns of one status (null: any) after {@code after}, oldest first. */
    @WithSession
    public Uni<List<TakedownDetail>> list(TakedownStatus status, PageCursor after, int limit) {
        return takedowns.byStatus(status, after, limit).chain(this::withCounterNotices);
    }

    /** The cursor after {@code takedown} in the list's order. */
    public static PageCursor cursorOf(TakedownEntity takedown) {
        return new PageCursor(takedown.createdAt, takedown.id);
    }

    @WithSession
    public Uni<List<TakedownDetail>> mine(String uploaderId) {
        return takedowns.byUploader(uploaderId).chain(this::withCounterNotices);
    }

    private Uni<List<TakedownDetail>> withCounterNotices(List<TakedownEntity> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom()
                .iterable(list)
                .onItem()
                .transformToUniAndConcatenate(t -> counterNotices
                        .byTakedown(t.id)
                        .chain(c -> notices.findById(t.noticeId).map(n -> new TakedownDetail(t, c, n))))
                .collect()
                .asList();
    }

    // --- helpers ---

    /**
     * The mail to the uploader saying what they can do now: while the partial-files window is open,
     * remove the files; otherwise the takedown with the redacted notice and the counter-notice form.
     */
    private MailRequest toUploader(NoticeEntity notice, TakedownEntity t, Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(extra);
        p.put("noticeId", notice.id.toString());
        p.put("subject", String.join(",", t.subjectKeys));
        p.put(
                "copyrightedWork",
                notice.elements.works().stream()
                        .map(w -> Redaction.text(w.description()))
                        .filter(d -> d != null && !d.isBlank())
                        .collect(Collectors.joining("; ")));
        p.put("claimantName", Redaction.claimant(notice.contactOrganisation));
        MailTemplateId template;
        if (t.status == TakedownStatus.AWAITING_REMOVAL) {
            template = MailTemplateId.DMCA_PARTIAL_REMOVAL_REQUEST;
            p.put("deadline", t.removalDeadline.toString());
            p.put("filesRemovedUrl", hubUrl("/dmca/takedowns/" + t.id + "/files-removed"));
        } else {
            template = MailTemplateId.DMCA_TAKEDOWN_UPLOADER;
            p.put("noticeUrl", hubUrl("/dmca/notices/" + notice.id));
            p.put("counterNoticeUrl", hubUrl("/dmca/counter-notice?notice=" + notice.id));
        }
        return MailThreads.onTakedown(template, t.uploaderEmail, t).parameters(p);
    }

    private String hubUrl(String path) {
        return config.intake().hubBaseUrl().replaceFirst("/+$", "") + path;
    }
}
