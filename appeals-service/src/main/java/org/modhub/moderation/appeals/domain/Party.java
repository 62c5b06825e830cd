package org.modhub.moderation.appeals.domain;

import java.util.List;

import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.appeals.persistence.ReportNotifierEntity;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.kit.problem.ProblemException;

/**
 * The role an account holds towards a decision, and the country its report named (for notifiers: their residence
 * unless they state one).
 */
public record Party(AppellantRole role, String reportJurisdiction) {

    /**
     * Who may appeal (DSA Art. 20(1)): the owner of a subject the decision restricted, or a notifier of a report it
     * answered, whatever it decided (a notifier may think it acted too little as well as not at all). The owner of content
     * the decision left unrestricted gets a 403 saying why; anyone else a 404, as if the decision did not exist.
     */
    public static Party of(DecisionCopyEntity decision, List<ReportNotifierEntity> notifiers, String accountId) {
        boolean owner = decision.ownerId.equals(accountId);
        if (owner && decision.restricts) {
            return new Party(AppellantRole.OWNER, null);
        }
        ReportNotifierEntity report = notifiers.stream()
                .filter(n -> accountId.equals(n.reporterId))
                .findFirst()
                .orElse(null);
        if (report != null) {
            return new Party(AppellantRole.NOTIFIER, report.jurisdiction);
        }
        if (owner) {
            throw ProblemException.of(
                    "not-appealable",
                    "You cannot appeal this decision",
                    403,
                    "Decision " + decision.decisionId + " placed no restriction on your content");
        }
        throw ProblemException.notFound("Decision", decision.decisionId);
    }
}
