package org.modhub.moderation.reporting.domain;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.event.review.DecisionTaken;
import org.modhub.moderation.kit.mail.MailRequest;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.reporting.persistence.ReportEntity;
import org.modhub.moderation.reporting.persistence.ReportRepository;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Applies a {@code DecisionTaken} to the reports it answers: records the outcome, tells each
 * notifier with contact details what was decided and how to contest it (DSA Art. 16(5)) — never
 * the owner's identity or details — and, for manifestly unfounded reports, moves their notifiers
 * along the misuse ladder. The outcome mail is on the decision's outcome thread, so a reply to it
 * is a complaint for appeals-service. Runs in the consumer's transaction.
 */
@ApplicationScoped
public class DecisionOutcomes {

    private final ReportRepository reports;
    private final NotifierLadder ladder;
    private final MailRequests mail;

    public DecisionOutcomes(ReportRepository reports, NotifierLadder ladder, MailRequests mail) {
        this.reports = reports;
        this.ladder = ladder;
        this.mail = mail;
    }

    public Uni<Void> apply(DecisionTaken decision) {
        if (decision.reportIds().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // Locked: a withdrawal of one of these reports commits before this or waits for it, never in between.
        return reports.listLocked(decision.reportIds()).chain(locked -> {
            // A report its notifier withdrew before the decision reached us stays withdrawn: no outcome, no mail, no
            // count on the ladder (review decided without it once it had the withdrawal).
            List<ReportEntity> found = locked.stream()
                    .filter(r -> r.status != ReportStatus.WITHDRAWN)
                    .toList();
            Map<String, Integer> unfoundedByNotifier = new LinkedHashMap<>();
            for (ReportEntity report : found) {
                boolean newlyUnfounded = decision.manifestlyUnfounded() && !report.manifestlyUnfounded;
                record(report, decision);
                // An anonymised report (its notifier asked for erasure) has no notifier left to climb the ladder.
                if (newlyUnfounded && report.anonymisedAt == null) {
                    unfoundedByNotifier.merge(report.notifierKey, 1, Integer::sum);
                }
            }
            Uni<Void> mails = Multi.createFrom()
                    .iterable(found)
                    .select()
                    .where(report -> report.anonymisedAt == null)
                    .onItem()
                    .transformToUniAndConcatenate(report -> tell(report, decision))
                    .collect()
                    .last()
                    .replaceWithVoid();
            return mails.chain(() -> Multi.createFrom()
                    .iterable(unfoundedByNotifier.entrySet())
                    .onItem()
                    .transformToUniAndConcatenate(e -> ladder.reviewStanding(new NotifierKey(e.getKey()), e.getValue()))
                    .collect()
                    .last()
                    .replaceWithVoid());
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
        Map<String, String> parameters = new HashMap<>();
        parameters.put("reportId", report.id.toString());
        parameters.put("subject", report.subjectKey);
        parameters.put("actions", report.outcome);
        parameters.put("category", decision.category().code());
        parameters.put("decidedAt", decision.decidedAt().toString());
        parameters.put("policyVersion", decision.policyVersion());
        parameters.put("manifestlyUnfounded", Boolean.toString(decision.manifestlyUnfounded()));
        parameters.put(
                "appealDeadline",
                decision.decidedAt()
                        .atZone(ZoneOffset.UTC)
                        .plusMonths(6)
                        .toInstant()
                        .toString());
        // What the notifier names when they complain through the API (or the appeal form the template links).
        parameters.put("decisionId", decision.decisionId().toString());
        if (report.jurisdiction != null) {
            // The template offers the paths of the notifier's country (eSafety for Australia, DSA Art. 21 in the EU).
            parameters.put("recipientCountry", report.jurisdiction);
        }
        // On the outcome's thread with replies to legal@: a reply contests the decision, and reaches
        // appeals-service as the notifier's complaint (DSA Art. 20), not this service as a new report.
        return mail.send(MailRequest.to(MailTemplateId.REPORT_OUTCOME, report.contactEmail, report.reporterId)
                .parameters(parameters)
                .thread(MailThreads.outcome(decision.decisionId()), Mailboxes.LEGAL)
                .once(MailTemplateId.REPORT_OUTCOME.id() + ":" + report.id + ":" + decision.decisionId()));
    }
}
