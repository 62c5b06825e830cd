package org.modhub.moderation.appeals.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.stream.Collectors;

import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.appeals.persistence.DecisionCopyRepository;
import org.modhub.moderation.appeals.persistence.ReportNotifierEntity;
import org.modhub.moderation.appeals.persistence.ReportNotifierRepository;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the local copy of what appeals need from other services' events: decisions (who decided and
 * approved, the subject, the owner and their country, the actions, the reports answered, when the parties were told),
 * reversals, and who filed each report. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class DecisionCopies {

    private final DecisionCopyRepository decisions;
    private final ReportNotifierRepository notifiers;
    private final Clock clock;

    public DecisionCopies(DecisionCopyRepository decisions, ReportNotifierRepository notifiers, Clock clock) {
        this.decisions = decisions;
        this.notifiers = notifiers;
        this.clock = clock;
    }

    public Uni<Void> taken(DecisionTaken d) {
        Instant now = clock.instant();
        return decisions.findById(d.decisionId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            DecisionCopyEntity copy = new DecisionCopyEntity();
            copy.decisionId = d.decisionId();
            copy.caseId = d.caseId();
            copy.subjectKey = d.subject().key();
            copy.ownerId = d.ownerId();
            copy.ownerCountry = d.ownerCountry();
            copy.actions = d.actions().stream().map(Enum::name).collect(Collectors.joining(","));
            copy.restricts = d.actions().stream().anyMatch(ModerationAction::restricts);
            copy.category = d.category().name();
            copy.decidedBy = d.decidedBy();
            copy.approvedBy = d.approvedBy();
            copy.origin = d.origin().name();
            copy.manifestlyUnfounded = d.manifestlyUnfounded();
            copy.decidedAt = d.decidedAt();
            // The owner and notifiers are mailed as the decision is published; taking the later of its
            // time and our receipt can only lengthen the window, never shorten it.
            copy.toldAt = d.decidedAt().isAfter(now) ? d.decidedAt() : now;
            copy.learnedAt = now;
            return decisions
                    .persistAndFlush(copy)
                    .chain(() -> decisions.linkReports(d.decisionId(), d.reportIds()))
                    .invoke(() -> Log.debugf(
                            "Decision %s on %s copied",
                            d.decisionId(), d.subject().key()));
        });
    }

    public Uni<Void> reversed(DecisionReversed r) {
        return decisions
                .findById(r.reversedDecisionId())
                .map(copy -> {
                    if (copy == null) {
                        Log.infof(
                                "Reversal %s names decision %s, which this service never learned; nothing to update",
                                r.decisionId(), r.reversedDecisionId());
                        return null;
                    }
                    if (copy.reversedAt == null) {
                        copy.reversedAt = r.decidedAt();
                        copy.reversedByDecision = r.decisionId();
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    /** Records who filed a report; a report already recorded (the same filing relayed again) keeps its first row. */
    public Uni<Void> reportFiled(ReportFiled f) {
        if (f.reporterId() == null && f.reporterEmail() == null) {
            return Uni.createFrom().voidItem();
        }
        ReportNotifierEntity notifier = new ReportNotifierEntity();
        notifier.reportId = f.reportId();
        notifier.reporterId = f.reporterId();
        notifier.reporterEmail = f.reporterEmail();
        notifier.jurisdiction = f.jurisdiction();
        notifier.filedAt = f.filedAt();
        return notifiers.insertIfAbsent(notifier);
    }
}
