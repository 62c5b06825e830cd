package org.modhub.moderation.appeals.domain;

import java.util.List;

import org.modhub.moderation.appeals.persistence.DecisionCopyEntity;
import org.modhub.moderation.appeals.persistence.ReportNotifierEntity;
import org.modhub.moderation.contracts.event.appeals.AppellantRole;
import org.modhub.moderation.kit.problem.ProblemException;

/**
 * The role an account holds towards a decision, and the country known for it: for the owner, theirs as the hub
 * directory knew it at the decision; for a notifier, the one their report named. Null when unknown.
 */
public record Party(AppellantRole role, String knownCountry) {

    /**
     * The country that decides the further redress the appellant is told of ({@link Redress}). An owner's comes from the
     * hub directory alone and what they state is ignored: the owner is the person the decision was about, the hub knows
     * where they are, and one filing form serves owners and notifiers alike (the caller cannot know beforehand which
     * they are, so refusing the field would refuse the form). A notifier is known only by what they tell us: the country
     * they state, else the one their report named.
     */
    public String residence(String stated) {
        if (role == AppellantRole.OWNER) {
            return knownCountry;
        }
        return stated != null ? stated : knownCountry;
    }

    /**
     * Who may appeal (DSA Art. 20(1)): the owner of a subject the decision restricted, or a notifier of a report it
     * answered, whatever it decided (a notifier may think it acted too little as well as not at all). The owner of content
     * the decision left unrestricted gets a 403 saying why; anyone else a 404, as if the decision did not exist.
     */
    public static Party of(DecisionCopyEntity decision, List<ReportNotifierEntity> notifiers, String accountId) {
        boolean owner = decision.ownerId.equals(accountId);
        if (owner && decision.restricts) {
            return new Party(AppellantRole.OWNER, decision.ownerCountry);
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
