package org.modhub.moderation.dmca.domain;

import org.modhub.moderation.contracts.subject.HubLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.dmca.DmcaNoticeElement;
import org.modhub.moderation.contracts.event.dmca.NoticeChannel;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.messaging.DmcaMail;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Takes in takedown notices (web form and dmca@), checks their 512(c)(3)(A) elements, keeps
 * incomplete ones and asks their senders to revise them, and records legal's decision. A notice,
 * its {@code NoticeReceived} event and the mail to its sender are written in one transaction.
 */
@ApplicationScoped
public class NoticeService {

    /** How a notice arrived and from where (the address is null for mail). */
    public record Intake(NoticeChannel channel, String clientAddress, String originalText, String mailMessageId) {
    }

    private final NoticeRepository notices;
    private final TakedownService takedowns;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final DmcaMail mail;
    private final DmcaConfig config;
    private final HubLinks hub;
    private final Clock clock;

    public NoticeService(NoticeRepository notices, TakedownService takedowns, Outbox outbox, AuditTrail audit, DmcaMail mail,
            DmcaConfig config, Clock clock) {
        this.notices = notices;
        this.takedowns = takedowns;
        this.outbox = outbox;
        this.audit = audit;
        this.mail = mail;
        this.config = config;
        this.hub = new HubLinks(config.intake().hubBaseUrl());
        this.clock = clock;
    }

    public HubLinks hub() {
        return hub;
    }

    /** Files a notice sent through the API (rate-limited per address and per sender email). */
    @WithTransaction
    public Uni<NoticeEntity> file(NoticeInput input, Intake intake) {
        return fileInTransaction(input, intake);
    }

    /** Files a notice in the caller's open transaction (the mail consumer's). */
    public Uni<NoticeEntity> fileInTransaction(NoticeInput input, Intake intake) {
        Instant now = now();
        String sender = senderOf(input);
        return lock(intake.clientAddress(), sender)
                .chain(() -> checkRateLimit(intake.clientAddress(), sender, now))
                .chain(() -> original(input.revisionOf(), sender))
                .chain(original -> {
                    NoticeCheck check = NoticeCheck.of(input, hub);
                    NoticeEntity notice = new NoticeEntity();
                    notice.id = UUID.randomUUID();
                    notice.channel = intake.channel();
                    notice.clientAddress = intake.clientAddress();
                    notice.originalText = intake.originalText();
                    notice.mailMessageId = intake.mailMessageId();
                    notice.senderEmail = sender;
                    notice.receivedAt = now;
                    apply(notice, input, check, now);
                    if (original != null) {
                        notice.revisionOf = original.id;
                        original.status = NoticeStatus.SUPERSEDED;
                        original.revisedBy = notice.id;
                        original.updatedAt = now;
                    }
                    return notices.persist(notice).chain(() -> announce(notice, check, intake.mailMessageId())).replaceWith(notice);
                });
    }

    /**
     * Replaces a mailed notice's elements with what a reply completed, and checks them again; the
     * receipt or the renewed request to revise answers the reply ({@code inReplyTo}).
     */
    public Uni<Void> recheck(NoticeEntity notice, NoticeInput input, String inReplyTo) {
        NoticeCheck check = NoticeCheck.of(input, hub);
        apply(notice, input, check, now());
        return announce(notice, check, inReplyTo);
    }

    @WithSession
    public Uni<NoticeEntity> get(UUID id) {
        return notices.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Notice", id));
    }

    @WithSession
    public Uni<List<NoticeEntity>> queue(NoticeStatus status, int limit) {
        return notices.byStatus(status, limit);
    }

    @WithSession
    public Uni<List<NoticeEntity>> archive(int offset, int limit) {
        return notices.accepted(offset, limit);
    }

    /** The abuse signals of a notice, from its sender's history. */
    @WithSession
    public Uni<AbuseSignals> signals(NoticeEntity notice) {
        if (notice.senderEmail == null) {
            return Uni.createFrom().item(new AbuseSignals(1, 0, 0, null, 0, 1, material(notice).size(), false));
        }
        Set<String> namespaces = namespaces(notice.subjectKeys);
        Instant dayBefore = notice.receivedAt.minus(Duration.ofHours(24));
        return notices.bySender(notice.senderEmail).map(all -> {
            int accepted = (int) all.stream().filter(n -> n.status == NoticeStatus.ACCEPTED).count();
            int rejected = (int) all.stream().filter(n -> n.status == NoticeStatus.REJECTED).count();
            int sameTarget = (int) all.stream().filter(n -> !n.id.equals(notice.id))
                    .filter(n -> namespaces(n.subjectKeys).stream().anyMatch(namespaces::contains)).count();
            int lastDay = (int) all.stream().filter(n -> !n.receivedAt.isBefore(dayBefore) && !n.receivedAt.isAfter(notice.receivedAt))
                    .count();
            int items = material(notice).size();
            Double share = accepted + rejected == 0 ? null : rejected / (double) (accepted + rejected);
            return new AbuseSignals(all.size(), accepted, rejected, share, sameTarget, lastDay, items,
                    lastDay >= AbuseSignals.MASS_PER_DAY || items >= AbuseSignals.MASS_ITEMS);
        });
    }

    /**
     * Legal accepts a complete notice: one takedown per uploader ({@code TakedownOrdered}, or the
     * partial-files window first), the claimant is told.
     */
    @WithTransaction
    public Uni<NoticeEntity> accept(UUID id, List<Owner> owners, String note, String reviewer) {
        return pending(id).chain(notice -> {
            List<SubjectRef> subjects = subjects(notice);
            List<Owner> assigned = assign(owners, subjects);
            Instant now = now();
            notice.status = NoticeStatus.ACCEPTED;
            notice.decision = "ACCEPTED";
            notice.reviewNote = note;
            notice.reviewedBy = reviewer;
            notice.reviewedAt = now;
            notice.updatedAt = now;
            return Multi.createFrom().iterable(assigned)
                    .onItem().transformToUniAndConcatenate(owner -> takedowns.order(notice, owner, reviewer, now))
                    .collect().last()
                    .chain(() -> audit.record(reviewer, "NOTICE_ACCEPTED", Audit.NOTICE, notice.id, firstSubject(notice),
                            assigned.size() + " uploader(s): " + String.join(", ", assigned.stream().map(Owner::id).toList())))
                    .chain(() -> mail.send(DmcaMail.NOTICE_ACCEPTED, notice.contactEmail, null,
                            Map.of("noticeId", notice.id.toString(), "subjects", String.join(",", Json.strings(notice.subjectKeys))),
                            DmcaMail.noticeThread(notice.id), DmcaMail.NOTICE_ACCEPTED + ":" + notice.id))
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
            Instant now = now();
            notice.status = NoticeStatus.REJECTED;
            notice.decision = "REJECTED";
            notice.rejectionReason = reason;
            notice.reviewNote = explanation;
            notice.reviewedBy = reviewer;
            notice.reviewedAt = now;
            notice.updatedAt = now;
            String text = reason.name() + ": " + explanation;
            return audit.record(reviewer, "NOTICE_REJECTED", Audit.NOTICE, notice.id, firstSubject(notice), text).chain(() -> mail.send(DmcaMail.NOTICE_REJECTED, notice.contactEmail, null,
                    Map.of("noticeId", notice.id.toString(), "reason", text, "reasonCode", reason.name()),
                    DmcaMail.noticeThread(notice.id), DmcaMail.NOTICE_REJECTED + ":" + notice.id)).replaceWith(notice);
        });
    }

    // --- helpers ---

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

    /**
     * Each owner's subjects must be the notice's; one owner without subjects takes them all. A
     * subject may belong to one owner only.
     */
    private static List<Owner> assign(List<Owner> owners, List<SubjectRef> subjects) {
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
                throw ProblemException.invalidField("owners[" + i + "].subjects", "name this uploader's subjects of the notice");
            }
            for (SubjectRef s : o.subjects()) {
                if (!subjects.contains(s)) {
                    throw ProblemException.invalidField("owners[" + i + "].subjects", s.key() + " is not named in the notice");
                }
                if (!seen.add(s)) {
                    throw ProblemException.invalidField("owners[" + i + "].subjects", s.key() + " is given to two uploaders");
                }
            }
        }
        return owners;
    }

    private void apply(NoticeEntity notice, NoticeInput input, NoticeCheck check, Instant now) {
        NoticeInput.Contact c = input.contact();
        notice.signature = input.signature();
        notice.works = Json.write(input.works() == null ? List.of() : input.works());
        notice.material = Json.write(check.material());
        notice.subjectKeys = Json.write(check.subjects().stream().map(SubjectRef::key).toList());
        notice.contactName = c == null ? null : c.name();
        notice.contactOrganisation = c == null ? null : c.organisation();
        notice.contactEmail = c != null && NoticeCheck.isEmail(c.email()) ? c.email().strip() : null;
        notice.contactAddress = c == null ? null : c.address();
        notice.contactPhone = c == null ? null : c.phone();
        notice.goodFaith = input.goodFaith();
        notice.accurate = input.accurate();
        notice.authorised = input.authorised();
        notice.missingElements = Json.write(check.missing());
        notice.deficiencies = Json.write(check.deficiencies());
        notice.status = check.complete() ? NoticeStatus.PENDING_REVIEW : NoticeStatus.INCOMPLETE;
        notice.updatedAt = now;
    }

    /**
     * {@code NoticeReceived} to dmca.events, and the receipt or the request to revise (which says
     * "reply to this mail with a revised notice": {@link DmcaMailIntake} reads the reply as a revision).
     */
    private Uni<Void> announce(NoticeEntity notice, NoticeCheck check, String inReplyTo) {
        NoticeReceived event = new NoticeReceived(notice.id, check.subjects(), notice.channel, check.missing(), notice.updatedAt);
        Uni<Void> published = outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE, event).replaceWithVoid();
        Map<String, String> parameters = new HashMap<>();
        parameters.put("noticeId", notice.id.toString());
        String template;
        if (check.complete()) {
            template = DmcaMail.NOTICE_RECEIVED;
            parameters.put("receivedAt", notice.receivedAt.toString());
            parameters.put("subjects", check.subjects().stream().map(SubjectRef::key).collect(Collectors.joining(",")));
        } else {
            template = DmcaMail.NOTICE_INCOMPLETE;
            parameters.put("missingElements", check.missing().stream().map(NoticeCheck::label).collect(Collectors.joining(",")));
            parameters.put("deficiencies", check.deficiencies().stream().map(d -> d.field() + ": " + d.message())
                    .collect(Collectors.joining("\n")));
        }
        return published.chain(() -> mail.send(template, notice.contactEmail, null, parameters, DmcaMail.noticeThread(notice.id),
                template + ":" + notice.id + ":" + notice.updatedAt.toEpochMilli(), inReplyTo));
    }

    /** The notice a revision refers to: the sender's own incomplete notice. */
    private Uni<NoticeEntity> original(UUID revisionOf, String sender) {
        if (revisionOf == null) {
            return Uni.createFrom().nullItem();
        }
        return notices.findById(revisionOf).map(original -> {
            // Someone else's notice is answered like a missing one: its id does not reveal it.
            if (original == null || sender == null || !sender.equals(original.senderEmail)) {
                throw ProblemException.invalidField("revisionOf", "no incomplete notice " + revisionOf + " of this sender exists");
            }
            if (original.status != NoticeStatus.INCOMPLETE) {
                throw ProblemException.conflict("Notice " + revisionOf + " is " + original.status + "; only an incomplete notice is revised");
            }
            return original;
        });
    }

    /** Serialises notices of one address and one sender, so the limits hold across replicas. */
    private static Uni<Void> lock(String address, String sender) {
        List<String> keys = new ArrayList<>();
        if (address != null) {
            keys.add("dmca-address:" + address);
        }
        if (sender != null) {
            keys.add("dmca-sender:" + sender);
        }
        keys.sort(null);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String key : keys) {
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(:k))")
                    .setParameter("k", key).getSingleResult())).replaceWithVoid();
        }
        return chain;
    }

    private Uni<Void> checkRateLimit(String address, String sender, Instant now) {
        DmcaConfig.RateLimit limit = config.rateLimit();
        Instant since = now.minus(limit.window());
        Uni<Void> byAddress = address == null ? Uni.createFrom().voidItem()
                : notices.countFromAddressSince(address, since).chain(count -> count < limit.perAddress()
                        ? Uni.createFrom().voidItem()
                        : notices.oldestFromAddressSince(address, since)
                                .map(oldest -> throwLimited("address", limit.perAddress(), oldest, now)));
        return byAddress.chain(() -> sender == null ? Uni.createFrom().voidItem()
                : notices.countFromSenderSince(sender, since).chain(count -> count < limit.perSender()
                        ? Uni.createFrom().voidItem()
                        : notices.oldestFromSenderSince(sender, since)
                                .map(oldest -> throwLimited("sender email", limit.perSender(), oldest, now))));
    }

    private Void throwLimited(String who, int max, NoticeEntity oldest, Instant now) {
        Duration window = config.rateLimit().window();
        Instant freeAt = (oldest == null ? now : oldest.receivedAt).plus(window);
        long seconds = Math.max(1, (long) Math.ceil(Duration.between(now, freeAt).toMillis() / 1000.0));
        throw new RateLimitedException(who, max, window.toString(), seconds);
    }

    static String senderOf(NoticeInput input) {
        NoticeInput.Contact c = input.contact();
        return c != null && NoticeCheck.isEmail(c.email()) ? c.email().strip().toLowerCase(Locale.ROOT) : null;
    }

    public static List<SubjectRef> subjects(NoticeEntity notice) {
        return Json.strings(notice.subjectKeys).stream().map(SubjectRef::parse).toList();
    }

    public static List<NoticeCheck.ResolvedMaterial> material(NoticeEntity notice) {
        return Json.read(notice.material, new TypeReference<List<NoticeCheck.ResolvedMaterial>>() {
        });
    }

    public static List<NoticeInput.Work> works(NoticeEntity notice) {
        return Json.read(notice.works, new TypeReference<List<NoticeInput.Work>>() {
        });
    }

    public static List<DmcaNoticeElement> missing(NoticeEntity notice) {
        return Json.read(notice.missingElements, new TypeReference<List<DmcaNoticeElement>>() {
        });
    }

    public static List<NoticeCheck.Deficiency> deficiencies(NoticeEntity notice) {
        return Json.read(notice.deficiencies, new TypeReference<List<NoticeCheck.Deficiency>>() {
        });
    }

    private static String firstSubject(NoticeEntity notice) {
        return Json.strings(notice.subjectKeys).stream().findFirst().orElse(null);
    }

    private static Set<String> namespaces(String subjectKeys) {
        return Json.strings(subjectKeys).stream().map(SubjectRef::parse).map(SubjectRef::namespace).collect(Collectors.toSet());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
