package org.modhub.moderation.dmca.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.dmca.NoticeChannel;
import org.modhub.moderation.contracts.event.dmca.NoticeReceived;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.subject.HubLinks;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.dmca.config.DmcaConfig;
import org.modhub.moderation.dmca.persistence.NoticeEntity;
import org.modhub.moderation.dmca.persistence.NoticeRepository;
import org.modhub.moderation.kit.hub.HubDirectory;
import org.modhub.moderation.kit.hub.HubProblems;
import org.modhub.moderation.kit.hub.HubSubject;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemDetail.FieldError;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Notice intake (web form and dmca@): checks the 512(c)(3)(A) elements ({@link NoticeCheck}), keeps
 * the notice complete or not, and asks the sender of an incomplete one to revise it. A notice, its
 * {@code NoticeReceived} event and the mail to its sender are written in one transaction. Legal's
 * decision is {@link NoticeReview}'s.
 */
@ApplicationScoped
public class NoticeService {

    /** How a notice arrived and from where (the address is null for mail). */
    public record Intake(NoticeChannel channel, String clientAddress, String originalText, String mailMessageId) {}

    private final NoticeRepository notices;
    private final NoticeRateLimit rateLimit;
    private final Outbox outbox;
    private final MailRequests mail;
    private final HubLinks hub;
    private final HubDirectory directory;
    private final Clock clock;

    public NoticeService(
            NoticeRepository notices,
            NoticeRateLimit rateLimit,
            Outbox outbox,
            MailRequests mail,
            DmcaConfig config,
            HubDirectory directory,
            Clock clock) {
        this.notices = notices;
        this.rateLimit = rateLimit;
        this.outbox = outbox;
        this.mail = mail;
        this.hub = new HubLinks(config.intake().hubBaseUrl());
        this.directory = directory;
        this.clock = clock;
    }

    public HubLinks hub() {
        return hub;
    }

    /**
     * Files a notice sent through the API (rate-limited per address and per sender email). A URL naming
     * what the hub does not have is a 422 {@code unknown-subject} naming {@code infringingMaterial[i].url},
     * nothing kept: the sender is there to correct it. The directory is asked before the transaction.
     */
    public Uni<NoticeEntity> file(NoticeInput input, Intake intake) {
        NoticeCheck named = NoticeCheck.of(input, hub);
        return unknownOf(named.subjects()).chain(unknown -> {
            if (!unknown.isEmpty()) {
                throw unknownSubjects(named, unknown);
            }
            return Panache.withTransaction(() -> write(input, named, intake));
        });
    }

    /**
     * Files a mailed notice in the caller's open transaction (the mail consumer's). A URL naming what
     * the hub does not have fails the identification element (iii): the notice is kept incomplete and
     * the sender asked to revise it, as for any element. A hub that does not answer fails the mail,
     * which the consumer retries until it does.
     */
    public Uni<NoticeEntity> fileInTransaction(NoticeInput input, Intake intake) {
        return check(input).chain(check -> write(input, check, intake));
    }

    private Uni<NoticeEntity> write(NoticeInput input, NoticeCheck check, Intake intake) {
        Instant now = clock.instant();
        String sender = senderOf(input);
        return rateLimit
                .check(intake.clientAddress(), sender, now)
                .chain(() -> original(input.revisionOf(), sender))
                .chain(original -> {
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
                    return notices.persist(notice)
                            .chain(() -> announce(notice, check, intake.mailMessageId()))
                            .replaceWith(notice);
                });
    }

    /**
     * Replaces a mailed notice's elements with what a reply completed, and checks them again; the
     * receipt or the renewed request to revise answers the reply ({@code inReplyTo}).
     */
    public Uni<Void> recheck(NoticeEntity notice, NoticeInput input, String inReplyTo) {
        return check(input).chain(check -> {
            apply(notice, input, check, clock.instant());
            return announce(notice, check, inReplyTo);
        });
    }

    /** The 512(c)(3)(A) check, each subject the URLs name looked up in the hub directory. */
    private Uni<NoticeCheck> check(NoticeInput input) {
        NoticeCheck named = NoticeCheck.of(input, hub);
        return unknownOf(named.subjects())
                .map(unknown -> unknown.isEmpty() ? named : NoticeCheck.of(input, hub, unknown));
    }

    /** The subjects the hub has no such thing as; the first failure (the hub down) fails the lot. */
    private Uni<Set<SubjectRef>> unknownOf(List<SubjectRef> subjects) {
        if (subjects.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<Uni<Optional<HubSubject>>> lookups =
                subjects.stream().map(directory::find).toList();
        return Uni.join().all(lookups).andFailFast().map(found -> {
            Set<SubjectRef> unknown = new HashSet<>();
            for (int i = 0; i < subjects.size(); i++) {
                if (found.get(i).isEmpty()) {
                    unknown.add(subjects.get(i));
                }
            }
            return unknown;
        });
    }

    /** 422 {@code unknown-subject}, each material item naming a subject the hub does not have by its field. */
    private static ProblemException unknownSubjects(NoticeCheck named, Set<SubjectRef> unknown) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < named.material().size(); i++) {
            String key = named.material().get(i).subject();
            SubjectRef subject = key == null ? null : SubjectRef.parse(key);
            if (subject != null && unknown.contains(subject)) {
                errors.add(new FieldError("infringingMaterial[" + i + "].url", "the hub has no " + key));
            }
        }
        // One problem for every such item, of the type and title the port's HubProblems.unknownSubject gives one.
        ProblemException one = HubProblems.unknownSubject(
                errors.get(0).field(), unknown.iterator().next());
        return new ProblemException(
                ProblemKind.typeOf("unknown-subject"),
                one.title(),
                422,
                errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")),
                errors);
    }

    private static void apply(NoticeEntity notice, NoticeInput input, NoticeCheck check, Instant now) {
        NoticeInput.Contact c = input.contact();
        notice.signature = input.signature();
        notice.elements = new NoticeElements(input.works(), check.material(), check.deficiencies());
        notice.subjectKeys = check.subjects().stream().map(SubjectRef::key).toList();
        notice.contactName = c == null ? null : c.name();
        notice.contactOrganisation = c == null ? null : c.organisation();
        notice.contactEmail =
                c != null && NoticeCheck.isEmail(c.email()) ? c.email().strip() : null;
        notice.contactAddress = c == null ? null : c.address();
        notice.contactPhone = c == null ? null : c.phone();
        notice.goodFaith = input.goodFaith();
        notice.accurate = input.accurate();
        notice.authorised = input.authorised();
        notice.missingElements = check.missing().stream().map(Enum::name).toList();
        notice.status = check.complete() ? NoticeStatus.PENDING_REVIEW : NoticeStatus.INCOMPLETE;
        notice.updatedAt = now;
    }

    /**
     * {@code NoticeReceived} to dmca.events, and the receipt or the request to revise (which says
     * "reply to this mail with a revised notice": {@link DmcaMailIntake} reads the reply as a revision).
     */
    private Uni<Void> announce(NoticeEntity notice, NoticeCheck check, String inReplyTo) {
        NoticeReceived event =
                new NoticeReceived(notice.id, check.subjects(), notice.channel, check.missing(), notice.updatedAt);
        Map<String, String> parameters = new HashMap<>();
        parameters.put("noticeId", notice.id.toString());
        MailTemplateId template;
        if (check.complete()) {
            template = MailTemplateId.DMCA_NOTICE_RECEIVED;
            parameters.put("receivedAt", notice.receivedAt.toString());
            parameters.put("subjects", String.join(",", notice.subjectKeys));
        } else {
            template = MailTemplateId.DMCA_NOTICE_INCOMPLETE;
            parameters.put(
                    "missingElements",
                    check.missing().stream().map(NoticeCheck::label).collect(Collectors.joining(",")));
            if (!check.unknownSubjects().isEmpty()) {
                parameters.put("unknownSubjects", String.join(",", check.unknownSubjects()));
            }
        }
        return outbox.publish(Topics.DMCA_EVENTS, EventSources.DMCA_SERVICE, event)
                .chain(() -> mail.send(MailThreads.onNotice(template, notice.contactEmail, notice.id)
                        .parameters(parameters)
                        .once(template.id() + ":" + notice.id + ":" + notice.updatedAt.toEpochMilli())
                        .answering(inReplyTo)));
    }

    /** The notice a revision refers to: the sender's own incomplete notice. */
    private Uni<NoticeEntity> original(UUID revisionOf, String sender) {
        if (revisionOf == null) {
            return Uni.createFrom().nullItem();
        }
        return notices.findById(revisionOf).map(original -> {
            // Someone else's notice is answered like a missing one: its id does not reveal it.
            if (original == null || sender == null || !sender.equals(original.senderEmail)) {
                throw ProblemException.invalidField(
                        "revisionOf", "no incomplete notice " + revisionOf + " of this sender exists");
            }
            if (original.status != NoticeStatus.INCOMPLETE) {
                throw ProblemException.conflict(
                        "Notice " + revisionOf + " is " + original.status + "; only an incomplete notice is revised");
            }
            return original;
        });
    }

    private static String senderOf(NoticeInput input) {
        NoticeInput.Contact c = input.contact();
        return c != null && NoticeCheck.isEmail(c.email()) ? c.email().strip().toLowerCase(Locale.ROOT) : null;
    }
}
