package org.modhub.moderation.appeals.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.Collectors;

import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.appeals.persistence.DecisionCopyRepository;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.reporting.ReportFiled;
import org.modhub.moderation.contracts.event.review.DecisionReversed;
import org.modhub.moderation.contracts.event.review.DecisionTaken;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps the local copy of what appeals need from other services' events: decisions (who decided and
 * approved, the subject, the owner, the actions, the reports answered, when the parties were told),
 * reversals, and who filed each report. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class DecisionCopies {

    private final DecisionCopyRepository decisions;
    private final Clock clock;

    public DecisionCopies(DecisionCopyRepository decisions, Clock clock) {
        this.decisions = decisions;
        this.clock = clock;
    }

    public Uni<Void> taken(DecisionTaken d) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return decisions.findById(d.decisionId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            DecisionCopyEntity copy = new DecisionCopyEntity();
            copy.decisionId = d.decisionId();
            copy.caseId = d.caseId();
            copy.subjectKey = d.subject().key();
            copy.ownerId = d.ownerId();
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
            return decisions.persistAndFlush(copy).chain(() -> decisions.linkReports(d.decisionId(), d.reportIds()))
                    .invoke(() -> Log.debugf("Decision %s on %s copied", d.decisionId(), d.subject().key()));
        });
    }

    public Uni<Void> reversed(DecisionReversed r) {
        return decisions.findById(r.reversedDecisionId()).map(copy -> {
            if (copy == null) {
                Log.infof("Reversal %s names decision %s, which this service never learned; nothing to update", r.decisionId(),
                        r.reversedDecisionId());
                return null;
            }
            if (copy.reversedAt == null) {
                copy.reversedAt = r.decidedAt();
                copy.reversedByDecision = r.decisionId();
            }
            return null;
        }).replaceWithVoid();
    }

    /**
     * Records who filed a report. One statement per report: a report already recorded (the same
     * filing relayed again) keeps its first row.
     */
    public Uni<Void> reportFiled(ReportFiled f) {
        if (f.reporterId() == null && f.reporterEmail() == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO report_notifier (report_id, reporter_id, reporter_email, jurisdiction, filed_at) "
                        + "VALUES (:report, :reporter, :email, :jurisdiction, :filedAt) ON CONFLICT (report_id) DO NOTHING")
                .setParameter("report", f.reportId())
                .setParameter("reporter", f.reporterId())
                .setParameter("email", f.reporterEmail())
                .setParameter("jurisdiction", f.jurisdiction())
                .setParameter("filedAt", f.filedAt())
                .executeUpdate())
                .replaceWithVoid();
    }
}
