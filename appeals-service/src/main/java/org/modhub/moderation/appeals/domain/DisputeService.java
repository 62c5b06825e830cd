package org.modhub.moderation.appeals.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.modhub.moderation.appeals.persistence.AppealRepository;
import org.modhub.moderation.appeals.persistence.DecisionCopyRepository;
import org.modhub.moderation.appeals.persistence.DisputeEntity;
import org.modhub.moderation.appeals.persistence.DisputeRepository;
import org.modhub.moderation.contracts.Topics;
import org.modhub.moderation.contracts.event.EventSources;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;
import org.modhub.moderation.contracts.event.appeals.DisputeRecorded;
import org.modhub.moderation.contracts.event.appeals.DisputeSettled;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.outbox.Outbox;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.PageCursor;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Out-of-court disputes (DSA Art. 21) as staff record them: which body, when submitted, when and how
 * it ended, and whether the hub implemented the body's decision; and the Art. 24(1)(a) figures
 * over a period: disputes submitted, their outcomes, the median days to settle, the share implemented.
 * Each record and ending is announced on {@code appeals.events} in the same transaction
 * ({@code DisputeRecorded}, {@code DisputeSettled}) for review-service's transparency report; and a
 * decision of the body in the recipient's favour that the hub implemented ({@code implemented=true})
 * is what review-service reverses or modifies the decision in its ledger on. That one is final: it is
 * announced once, and recording the same ending again changes nothing, while a different one is a
 * conflict (the ledger has already followed it). Every change is in the audit trail with its staff actor.
 */
@ApplicationScoped
public class DisputeService {

    private final DecisionCopyRepository decisions;
    private final AppealRepository appeals;
    private final DisputeRepository disputes;
    private final Clock clock;
    private final Outbox outbox;
    private final AuditTrail audit;

    public DisputeService(
            DecisionCopyRepository decisions,
            AppealRepository appeals,
            DisputeRepository disputes,
            Clock clock,
            Outbox outbox,
            AuditTrail audit) {
        this.audit = audit;
        this.decisions = decisions;
        this.appeals = appeals;
        this.disputes = disputes;
        this.clock = clock;
        this.outbox = outbox;
    }

    /** A new dispute record. */
    public record NewDispute(UUID decisionId, UUID appealId, String body, LocalDate submittedOn, String notes) {}

    /** How a dispute ended. */
    public record Ending(DisputeOutcome outcome, LocalDate settledOn, Boolean implemented, LocalDate implementedOn) {}

    /** The Art. 24(1)(a) figures of disputes submitted within a period. */
    public record Figures(
            LocalDate from,
            LocalDate to,
            long submitted,
            long settled,
            long pending,
            Map<DisputeOutcome, Long> outcomes,
            Double medianDaysToSettle,
            long decidedForRecipient,
            long implemented,
            Double implementedShare,
            Map<String, Long> byBody) {}

    @WithTransaction
    public Uni<DisputeEntity> record(NewDispute input, String staffId) {
        Instant now = clock.instant();
        if (input.submittedOn().isAfter(today())) {
            throw ProblemException.invalidField("submittedOn", "must not be in the future");
        }
        return decisions.findById(input.decisionId()).chain(decision -> {
            if (decision == null) {
                throw ProblemException.invalidField("decisionId", "is not a decision this service knows");
            }
            Uni<Void> appealCheck = input.appealId() == null
                    ? Uni.createFrom().voidItem()
                    : appeals.findById(input.appealId())
                            .map(appeal -> {
                                if (appeal == null || !appeal.decisionId.equals(input.decisionId())) {
                                    throw ProblemException.invalidField(
                                            "appealId", "is not an appeal against decision " + input.decisionId());
                                }
                                return null;
                            })
                            .replaceWithVoid();
            return appealCheck.chain(() -> {
                DisputeEntity dispute = new DisputeEntity();
                dispute.id = UUID.randomUUID();
                dispute.decisionId = input.decisionId();
                dispute.appealId = input.appealId();
                dispute.body = input.body();
                dispute.submittedOn = input.submittedOn();
                dispute.notes = input.notes();
                dispute.recordedBy = staffId;
                dispute.createdAt = now;
                dispute.updatedAt = now;
                Log.infof(
                        "Dispute %s about decision %s before %s recorded by %s",
                        dispute.id, dispute.decisionId, dispute.body, staffId);
                // Only ids, the body (an organisation) and dates leave the service: no personal data.
                return disputes.persist(dispute)
                        .call(saved -> outbox.publish(
                                Topics.APPEALS_EVENTS,
                                EventSources.APPEALS_SERVICE,
                                new DisputeRecorded(
                                        saved.id,
                                        saved.decisionId,
                                        saved.appealId,
                                        saved.body,
                                        saved.submittedOn,
                                        now)))
                        .call(saved -> audit.record(
                                staffId,
                                "DISPUTE_RECORDED",
                                "dispute",
                                saved.id,
                                decision.subjectKey,
                                "decision " + saved.decisionId + " before " + saved.body + ", submitted "
                                        + saved.submittedOn));
            });
        });
    }

    /**
     * Records how a dispute ended, by {@code staffId}. Until the hub implemented a decision for the recipient the ending
     * may be corrected (each correction announced, the latest counts); once implemented it is final.
     */
    @WithTransaction
    public Uni<DisputeEntity> end(UUID id, Ending ending, String staffId) {
        // Locked: two staff recording "implemented" at once announce it once.
        return disputes.lock(id).chain(dispute -> {
            if (dispute == null) {
                throw ProblemException.notFound("Dispute", id);
            }
            boolean implementing = Boolean.TRUE.equals(ending.implemented());
            LocalDate implementedOn =
                    implementing ? (ending.implementedOn() != null ? ending.implementedOn() : today()) : null;
            if (Boolean.TRUE.equals(dispute.implemented)) {
                if (dispute.outcome == ending.outcome()
                        && dispute.settledOn.equals(ending.settledOn())
                        && implementing
                        && (ending.implementedOn() == null
                                || ending.implementedOn().equals(dispute.implementedOn))) {
                    Log.infof("Dispute %s: the implemented ending was recorded again; nothing changes", id);
                    return Uni.createFrom().item(dispute);
                }
                throw ProblemException.conflict("Dispute " + id + " ended " + dispute.outcome
                        + " and was implemented on " + dispute.implementedOn
                        + "; the decision in the ledger has followed it, so the ending is final");
            }
            if (ending.settledOn().isBefore(dispute.submittedOn)) {
                throw ProblemException.invalidField(
                        "settledOn", "must not be before the dispute was submitted (" + dispute.submittedOn + ")");
            }
            if (ending.settledOn().isAfter(today())) {
                throw ProblemException.invalidField("settledOn", "must not be in the future");
            }
            if (ending.implementedOn() != null && ending.implementedOn().isBefore(ending.settledOn())) {
                throw ProblemException.invalidField("implementedOn", "must not be before settledOn");
            }
            if (ending.implementedOn() != null && ending.implementedOn().isAfter(today())) {
                throw ProblemException.invalidField("implementedOn", "must not be in the future");
            }
            dispute.outcome = ending.outcome();
            dispute.settledOn = ending.settledOn();
            dispute.implemented = ending.implemented();
            dispute.implementedOn = implementedOn;
            dispute.updatedAt = clock.instant();
            Uni<Void> chain = outbox.publish(
                            Topics.APPEALS_EVENTS,
                            EventSources.APPEALS_SERVICE,
                            new DisputeSettled(
                                    dispute.id,
                                    dispute.decisionId,
                                    dispute.outcome,
                                    dispute.submittedOn,
                                    dispute.settledOn,
                                    dispute.implemented,
                                    dispute.implementedOn,
                                    dispute.updatedAt))
                    .replaceWithVoid();
            return chain.chain(() -> decisions.findById(dispute.decisionId))
                    .chain(decision -> {
                        String subject = decision == null ? null : decision.subjectKey;
                        Uni<Void> audited = audit.record(
                                staffId,
                                "DISPUTE_SETTLED",
                                "dispute",
                                dispute.id,
                                subject,
                                dispute.outcome + " on " + dispute.settledOn);
                        if (implementing) {
                            Log.infof(
                                    "Dispute %s about decision %s: the body's decision for the recipient was implemented on %s",
                                    dispute.id, dispute.decisionId, implementedOn);
                            audited = audited.chain(() -> audit.record(
                                    staffId,
                                    "DISPUTE_IMPLEMENTED",
                                    "dispute",
                                    dispute.id,
                                    subject,
                                    "decision " + dispute.decisionId
                                            + " to be reversed or modified in the ledger; implemented on "
                                            + implementedOn));
                        }
                        return audited;
                    })
                    .replaceWith(dispute);
        });
    }

    @WithSession
    public Uni<DisputeEntity> get(UUID id) {
        return disputes.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Dispute", id));
    }

    @WithSession
    public Uni<List<DisputeEntity>> submittedBetween(LocalDate from, LocalDate to, PageCursor after, int limit) {
        return after == null
                ? disputes.submittedBetween(from, to, null, null, limit)
                : disputes.submittedBetween(
                        from, to, LocalDate.ofInstant(after.at(), ZoneOffset.UTC), after.id(), limit);
    }

    /** Where a page of disputes ends: the day submitted (as its start, UTC) and the id. */
    public static PageCursor cursorOf(DisputeEntity dispute) {
        return new PageCursor(dispute.submittedOn.atStartOfDay(ZoneOffset.UTC).toInstant(), dispute.id);
    }

    @WithSession
    public Uni<Figures> figures(LocalDate from, LocalDate to) {
        return disputes.submittedBetween(from, to).map(all -> {
            Map<DisputeOutcome, Long> outcomes = new EnumMap<>(DisputeOutcome.class);
            for (DisputeOutcome o : DisputeOutcome.values()) {
                outcomes.put(o, all.stream().filter(d -> d.outcome == o).count());
            }
            List<Long> days = all.stream()
                    .filter(d -> d.settledOn != null)
                    .map(d -> ChronoUnit.DAYS.between(d.submittedOn, d.settledOn))
                    .sorted()
                    .toList();
            // Implementation is asked of decisions the body took against the hub (for the recipient).
            long forRecipient = outcomes.get(DisputeOutcome.IN_FAVOUR_OF_RECIPIENT);
            long implemented = all.stream()
                    .filter(d ->
                            d.outcome == DisputeOutcome.IN_FAVOUR_OF_RECIPIENT && Boolean.TRUE.equals(d.implemented))
                    .count();
            Map<String, Long> byBody = new TreeMap<>();
            all.forEach(d -> byBody.merge(d.body, 1L, Long::sum));
            long settled = days.size();
            return new Figures(
                    from,
                    to,
                    all.size(),
                    settled,
                    all.size() - settled,
                    outcomes,
                    Median.of(days),
                    forRecipient,
                    implemented,
                    forRecipient == 0 ? null : (double) implemented / forRecipient,
                    byBody);
        });
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }
}
