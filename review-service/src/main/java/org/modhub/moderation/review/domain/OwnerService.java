package org.modhub.moderation.review.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.mail.InboundMailReceived;
import org.modhub.moderation.contracts.event.review.ChangesRequested;
import org.modhub.moderation.contracts.event.review.EscalationReason;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.inbox.MailScreen;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.timer.Timers;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.DecisionEntity;
import org.modhub.moderation.review.persistence.OwnerRequestEntity;
import org.modhub.moderation.review.persistence.OwnerRequestRepository;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * Working with the owner: a request to change the subject by a deadline, the owner's answer (by
 * API or by replying to the mail), and the deadline timer that returns the case to the queue
 * escalated when no answer came.
 */
@ApplicationScoped
public class OwnerService {

    /** Timer kind: the owner's deadline passed. Key: the owner request id. */
    public static final String DEADLINE_TIMER = "review.owner-deadline";

    /** Words that make a mailed answer a dispute rather than a report of changes made. */
    private static final Pattern DISPUTE = Pattern.compile(
            "\\b(dispute|disputed|disagree|object|appeal|wrong|mistake|not a violation|does not violate|doesn't violate)\\b");

    private final CaseService cases;
    private final OwnerRequestRepository requests;
    private final Outbox outbox;
    private final Timers timers;
    private final OwnerNotices notices;
    private final AuditTrail audit;
    private final ReviewConfig config;
    private final Clock clock;

    public OwnerService(
            CaseService cases,
            OwnerRequestRepository requests,
            Outbox outbox,
            Timers timers,
            OwnerNotices notices,
            AuditTrail audit,
            ReviewConfig config,
            Clock clock) {
        this.cases = cases;
        this.requests = requests;
        this.outbox = outbox;
        this.timers = timers;
        this.notices = notices;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Asks the owner for changes, in the caller's transaction: the case waits for them until the deadline. */
    Uni<Void> ask(CaseEntity c, DecisionEntity d, String message, Instant deadline) {
        Instant now = now();
        OwnerRequestEntity r = request(c, d, message, deadline, now);
        c.state = CaseState.AWAITING_OWNER;
        c.updatedAt = now;
        return requests.persist(r)
                .chain(() -> timers.schedule(DEADLINE_TIMER, r.id.toString(), r.deadline, null))
                .chain(() -> outbox.publish(
                        Topics.REVIEW_EVENTS,
                        EventSources.REVIEW_SERVICE,
                        new ChangesRequested(
                                c.id,
                                SubjectRef.parse(c.subjectKey),
                                r.ownerId,
                                r.deadline,
                                message,
                                r.requestedBy,
                                now)))
                .chain(() -> notices.changesRequested(c, d, r))
                .chain(() -> audit.record(
                        d.decidedBy,
                        "owner.changes-requested",
                        "owner_request",
                        r.id,
                        c.id,
                        c.subjectKey,
                        "deadline " + r.deadline));
    }

    /** The request {@link #ask} records (not yet written): the deadline given, or the configured default. */
    OwnerRequestEntity request(CaseEntity c, DecisionEntity d, String message, Instant deadline, Instant now) {
        OwnerRequestEntity r = new OwnerRequestEntity();
        r.id = UUID.randomUUID();
        r.caseId = c.id;
        r.decisionId = d.id;
        r.ownerId = d.ownerId;
        r.ownerEmail = d.ownerEmail;
        r.message = message;
        r.deadline = deadline != null ? deadline : now.plus(config.owner().defaultDeadline());
        r.requestedBy = d.decidedBy;
        r.requestedAt = now;
        return r;
    }

    /** The owner answers through the API; anyone else is told the case does not exist. */
    @WithTransaction
    public Uni<OwnerRequestEntity> respond(UUID caseId, String caller, String response, String text) {
        return openRequest(caseId).chain(r -> {
            if (r == null || !r.ownerId.equals(caller)) {
                throw ProblemException.notFound("Case", caseId);
            }
            return answer(r, response, text, "API", caller);
        });
    }

    /** A reply to the changes-requested mail, from the owner's address, answers the open request. */
    public Uni<Void> mailReply(InboundMailReceived received) {
        UUID caseId = caseOf(received.threadToken());
        // An out-of-office note from the owner's address is no answer: it would send the case back as "changed".
        if (caseId == null
                || MailScreen.personSending(received, "an owner's answer").isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return openRequest(caseId).chain(r -> {
            if (r == null) {
                Log.infof("Mail %s on case %s: no open request to the owner; ignored", received.messageId(), caseId);
                return Uni.createFrom().voidItem();
            }
            if (!sameAddress(r.ownerEmail, received.from())) {
                // Only the owner's own address may answer for them; the thread token alone is no proof.
                Log.warnf("Mail %s on case %s is not from the owner's address; ignored", received.messageId(), caseId);
                return Uni.createFrom().voidItem();
            }
            String text = received.textBody().strip();
            String response = DISPUTE.matcher(text.toLowerCase(Locale.ROOT)).find() ? "DISPUTED" : "CHANGED";
            return answer(
                            r,
                            response,
                            text.length() > config.limits().maxText()
                                    ? text.substring(0, config.limits().maxText())
                                    : text,
                            "MAIL",
                            r.ownerId)
                    .replaceWithVoid();
        });
    }

    private Uni<OwnerRequestEntity> answer(
            OwnerRequestEntity r, String response, String text, String via, String actor) {
        return cases.locked(r.caseId).chain(c -> {
            if (c.state != CaseState.AWAITING_OWNER) {
                throw ProblemException.conflict("Case " + c.id + " is not waiting for the owner");
            }
            Instant now = now();
            r.response = response;
            r.responseText = text;
            r.respondedVia = via;
            r.respondedAt = now;
            // Back to the queue for a moderator to look at what the owner did or said.
            c.state = CaseState.OPEN;
            c.assignee = null;
            c.claimedAt = null;
            c.returnReason = "The owner answered (" + response + ")";
            c.updatedAt = now;
            return timers.cancel(DEADLINE_TIMER, r.id.toString())
                    .chain(() -> audit.record(
                            actor,
                            "owner.answered",
                            "owner_request",
                            r.id,
                            c.id,
                            c.subjectKey,
                            response + " via " + via))
                    .replaceWith(r);
        });
    }

    /** The deadline passed: an unanswered request returns the case to the queue, escalated. */
    public Uni<Void> deadlineReached(UUID requestId) {
        return requests.findById(requestId, LockModeType.PESSIMISTIC_WRITE).chain(r -> {
            if (r == null || !r.isOpen()) {
                return Uni.createFrom().voidItem();
            }
            return cases.locked(r.caseId).chain(c -> {
                Instant now = now();
                r.expiredAt = now;
                if (c.state != CaseState.AWAITING_OWNER) {
                    return Uni.createFrom().voidItem();
                }
                c.state = CaseState.OPEN;
                c.assignee = null;
                c.claimedAt = null;
                c.returnReason = "The owner did not answer by " + r.deadline;
                return audit.record(
                                Audit.SYSTEM,
                                "owner.deadline-expired",
                                "owner_request",
                                r.id,
                                c.id,
                                c.subjectKey,
                                "deadline " + r.deadline)
                        .chain(() -> cases.escalate(
                                c,
                                EscalationReason.OWNER_DEADLINE_EXPIRED,
                                Audit.SYSTEM,
                                "owner did not answer by " + r.deadline));
            });
        });
    }

    private Uni<OwnerRequestEntity> openRequest(UUID caseId) {
        return requests.find("caseId = ?1 and response is null and expiredAt is null order by requestedAt desc", caseId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    private static UUID caseOf(String threadToken) {
        if (threadToken == null || !threadToken.startsWith("case:")) {
            return null;
        }
        try {
            return UUID.fromString(threadToken.substring("case:".length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Compares the address part of a From header with the owner's address, ignoring case. */
    static boolean sameAddress(String expected, String from) {
        if (expected == null || from == null) {
            return false;
        }
        String address = from;
        int lt = from.lastIndexOf('<');
        int gt = from.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            address = from.substring(lt + 1, gt);
        }
        return address.strip().equalsIgnoreCase(expected.strip());
    }

    private Instant now() {
        return clock.instant();
    }
}
