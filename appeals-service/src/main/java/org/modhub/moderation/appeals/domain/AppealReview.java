package org.modhub.moderation.appeals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.appeals.config.AppealsConfig;
import org.modhub.moderation.appeals.persistence.AppealEntity;
import org.modhub.moderation.appeals.persistence.AppealRepository;
import org.modhub.moderation.appeals.persistence.DecisionCopyRepository;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;
import org.modhub.moderation.contracts.event.appeals.AppealResolved;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.mail.MailRequest;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.timer.Timers;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Staff's review of appeals: a reviewer who took no part in the decision decides it ({@link Resolution}); reversed or
 * modified, {@code AppealResolved} goes to review-service's ledger; the appellant is told the outcome, the reasons and
 * the further redress ({@link Redress}); a finding of manifest unfoundedness feeds the misuse ladder. And the due
 * time: an appeal still open when it passes is escalated to the top of the staff queue.
 */
@ApplicationScoped
public class AppealReview {

    /** Timer kind that escalates an appeal still open at its due time. */
    public static final String DUE_TIMER = "appeals.review-due";
    /** The audit actor of changes this service makes by itself (timers, inbound mail, rules). */
    public static final String SYSTEM = AuditTrail.system("appeals-service");

    private final AppealRepository appeals;
    private final DecisionCopyRepository decisions;
    private final AppellantStandingService standings;
    private final Outbox outbox;
    private final Timers timers;
    private final MailRequests mail;
    private final AppealsConfig config;
    private final MeterRegistry registry;
    private final Clock clock;
    private final AuditTrail audit;

    public AppealReview(
            AppealRepository appeals,
            DecisionCopyRepository decisions,
            AppellantStandingService standings,
            Outbox outbox,
            Timers timers,
            MailRequests mail,
            AppealsConfig config,
            MeterRegistry registry,
            Clock clock,
            AuditTrail audit) {
        this.appeals = appeals;
        this.decisions = decisions;
        this.standings = standings;
        this.outbox = outbox;
        this.timers = timers;
        this.mail = mail;
        this.config = config;
        this.registry = registry;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Decides an open appeal. The reviewer must not have taken or approved the decision, nor be the appellant; a person
     * decides every appeal, and is the audit trail's actor.
     */
    @WithTransaction
    public Uni<AppealEntity> resolve(UUID appealId, Resolution resolution, String reviewerId) {
        Instant now = clock.instant();
        return appeals.lock(appealId).chain(appeal -> {
            if (appeal == null) {
                throw ProblemException.notFound("Appeal", appealId);
            }
            if (appeal.status != AppealStatus.OPEN) {
                throw ProblemException.conflict("Appeal " + appealId + " was already decided " + appeal.outcome);
            }
            return decisions.findById(appeal.decisionId).chain(decision -> {
                if (reviewerId.equals(decision.decidedBy) || reviewerId.equals(decision.approvedBy)) {
                    throw notIndependent("You took or approved decision " + decision.decisionId
                            + "; another reviewer must decide the appeal against it");
                }
                if (reviewerId.equals(appeal.appellantId)) {
                    throw notIndependent("You filed this appeal; another reviewer must decide it");
                }
                resolution.checkAgainst(decision);
                appeal.status = AppealStatus.RESOLVED;
                appeal.outcome = resolution.outcome();
                appeal.newActions =
                        resolution.newActions().stream().map(Enum::name).collect(Collectors.joining(","));
                appeal.explanation = resolution.explanation();
                appeal.reviewerId = reviewerId;
                appeal.manifestlyUnfounded = resolution.manifestlyUnfounded();
                appeal.resolvedAt = now;
                appeal.updatedAt = now;
                Uni<Void> chain = timers.cancel(DUE_TIMER, appeal.id.toString()).replaceWithVoid();
                if (resolution.outcome() != AppealOutcome.UPHELD) {
                    AppealResolved event = new AppealResolved(
                            appeal.id,
                            decision.decisionId,
                            SubjectRef.parse(decision.subjectKey),
                            appeal.appellantRole,
                            resolution.outcome(),
                            resolution.newActions(),
                            resolution.explanation(),
                            reviewerId,
                            now);
                    chain = chain.chain(
                                    () -> outbox.publish(Topics.APPEALS_EVENTS, EventSources.APPEALS_SERVICE, event))
                            .replaceWithVoid();
                }
                Map<String, String> parameters =
                        new HashMap<>(Redress.parameters(appeal.residence, resolution.explanation(), config.redress()));
                parameters.put("appealId", appeal.id.toString());
                parameters.put("decisionId", decision.decisionId.toString());
                parameters.put("outcome", resolution.outcome().name());
                parameters.put("decidedAt", now.toString());
                chain = chain.chain(() -> mail.send(
                        MailRequest.to(MailTemplateId.APPEAL_DECIDED, appeal.appellantEmail, appeal.appellantId)
                                .parameters(parameters)
                                .thread(MailThreads.appeal(appeal.id), Mailboxes.LEGAL)
                                .once(MailTemplateId.APPEAL_DECIDED.id() + ":" + appeal.id)
                                .answering(appeal.mailMessageId)));
                chain = chain.chain(() -> audit.record(
                        reviewerId,
                        "APPEAL_RESOLVED",
                        "appeal",
                        appeal.id,
                        appeal.subjectKey,
                        resolution.outcome()
                                + (resolution.newActions().isEmpty() ? "" : " " + appeal.newActions)
                                + (resolution.manifestlyUnfounded() ? ", manifestly unfounded" : "")));
                if (resolution.manifestlyUnfounded()) {
                    chain = chain.chain(() -> standings.reviewStanding(appeal));
                }
                return chain.invoke(() -> {
                            registry.counter(
                                            "appeals.resolved",
                                            "outcome",
                                            resolution.outcome().name())
                                    .increment();
                            Log.infof("Appeal %s decided %s by %s", appeal.id, resolution.outcome(), reviewerId);
                        })
                        .replaceWith(appeal);
            });
        });
    }

    /** Escalates an appeal still open at its due time (the due timer): it goes to the top of the staff queue. */
    public Uni<Void> escalate(UUID appealId) {
        Instant now = clock.instant();
        return appeals.findById(appealId).chain(appeal -> {
            if (appeal == null || appeal.status != AppealStatus.OPEN || appeal.escalatedAt != null) {
                return Uni.createFrom().voidItem();
            }
            appeal.escalatedAt = now;
            appeal.updatedAt = now;
            registry.counter("appeals.escalated").increment();
            Log.warnf("Appeal %s is past its due time %s and escalated", appeal.id, appeal.dueAt);
            return audit.record(
                    SYSTEM, "APPEAL_ESCALATED", "appeal", appeal.id, appeal.subjectKey, "due " + appeal.dueAt);
        });
    }

    private static ProblemException notIndependent(String detail) {
        return ProblemException.of(
                "reviewer-not-independent", "The reviewer must not have taken part in the decision", 403, detail);
    }
}
