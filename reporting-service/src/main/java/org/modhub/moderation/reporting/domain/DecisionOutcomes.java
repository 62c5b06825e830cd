package org.modhub.moderation.reporting.domain;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.dsa.DsaTerritories;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.reporting.messaging.NotifierMail;
import org.modhub.moderation.reporting.persistence.ReportEntity;
import org.modhub.moderation.reporting.persistence.ReportRepository;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies a {@code DecisionTaken} to the reports it answers: records the outcome, tells each
 * notifier with contact details what was decided and how to contest it (DSA Art. 16(5)) — never
 * the owner's identity or details — and, for manifestly unfounded reports, moves their notifiers
 * along the misuse ladder. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class DecisionOutcomes {

    private final ReportRepository reports;
    private final NotifierService notifiers;
    private final NotifierMail mail;

    public DecisionOutcomes(ReportRepository reports, NotifierService notifiers, NotifierMail mail) {
        this.reports = reports;
        this.notifiers = notifiers;
        this.mail = mail;
    }

    public Uni<Void> apply(DecisionTaken decision) {
        if (decision.reportIds().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return reports.list("id in ?1", decision.reportIds()).chain(found -> {
            Map<String, Integer> unfoundedByNotifier = new LinkedHashMap<>();
            for (ReportEntity report : found) {
                boolean newlyUnfounded = decision.manifestlyUnfounded() && !report.manifestlyUnfounded;
                record(report, decision);
                if (newlyUnfounded) {
                    unfoundedByNotifier.merge(report.notifierKey, 1, Integer::sum);
                }
            }
            Uni<Void> mails = Multi.createFrom().iterable(found)
                    .onItem().transformToUniAndConcatenate(report -> tell(report, decision))
                    .collect().last().replaceWithVoid();
            return mails.chain(() -> Multi.createFrom().iterable(unfoundedByNotifier.entrySet())
                    .onItem().transformToUniAndConcatenate(e -> notifiers.reviewStanding(new NotifierKey(e.getKey()), e.getValue()))
                    .collect().last().replaceWithVoid());
        });
    }

    private static void record(ReportEntity report, DecisionTaken decision) {
        report.status = ReportStatus.DECIDED;
        report.decisionId = decision.decisionId();
        report.outcome = decision.actions().stream().map(ModerationAction::name).collect(Collectors.joining(","));
        report.manifestlyUnfounded = decision.manifestlyUnfounded();
        report.decidedAt = decision.decidedAt();
        report.updatedAt = decision.decidedAt().isAfter(report.updatedAt) ? decision.decidedAt() : report.updatedAt;
    }

    private Uni<Void> tell(ReportEntity report, DecisionTaken decision) {
        if (report.contactEmail == null) {
            return Uni.createFrom().voidItem();
        }
        Map<String, String> parameters = new HashMap<>();
        parameters.put("reportId", report.id.toString());
        parameters.put("subject", report.subjectKey);
        parameters.put("actions", report.outcome);
        parameters.put("category", decision.category().code());
        parameters.put("decidedAt", decision.decidedAt().toString());
        parameters.put("policyVersion", decision.policyVersion());
        parameters.put("manifestlyUnfounded", Boolean.toString(decision.manifestlyUnfounded()));
        parameters.put("appealDeadline", decision.decidedAt().atZone(ZoneOffset.UTC).plusMonths(6).toInstant().toString());
        parameters.put("redress", redress(report));
        return mail.send(NotifierMail.REPORT_OUTCOME, report.contactEmail, report.reporterId, parameters,
                NotificationRequested.threadKey("report", report.id),
                NotifierMail.REPORT_OUTCOME + ":" + report.id + ":" + decision.decisionId());
    }

    /** The ways to contest the decision for this notifier (internal complaint; out-of-court body in the EU). */
    static String redress(ReportEntity report) {
        String internal = "internal-complaint";
        if (report.jurisdiction != null && DsaTerritories.EU.contains(report.jurisdiction)) {
            return internal + ",out-of-court-dispute-settlement,judicial-redress";
        }
        if ("AU".equals(report.jurisdiction)) {
            return internal + ",esafety-commissioner-complaint,judicial-redress";
        }
        return internal + ",judicial-redress";
    }
}
