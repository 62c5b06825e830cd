package org.modhub.moderation.contracts.event.review;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicySubcategory;
import org.modhub.moderation.contracts.taxonomy.Taxonomy;

/**
 * A decision took effect, with its statement of reasons (DSA Art. 17). Published only once it is
 * final: a severe action is published after its second approver agreed.
 *
 * @param decisionId the decision's id
 * @param caseId the case it closes
 * @param subject what it is about
 * @param ownerId hub user id of the owner or author, who is told why and how to appeal
 * @param ownerCountry the owner's country (ISO 3166-1 alpha-2) as the hub directory knew it when the decision was
 *     taken, which decides the redress they are told of; null when the hub does not know it
 * @param actions what is done; a valid combination for the subject's kind
 * @param ground the legal or contractual ground; required when an action restricts anything
 * @param category the policy category relied on
 * @param subcategory the subcategory relied on, if one
 * @param territorialScope ISO 3166-1 alpha-2 codes where the restriction applies; required when it restricts
 * @param endDate when the restriction ends; required for a suspension, null for indefinite
 * @param facts the facts and circumstances relied on (no personal data: it goes to the DSA database)
 * @param explanation why those facts break the policy or the law, as told to the owner
 * @param policyVersion the version of the content policy in force
 * @param decidedBy hub user id of the moderator who decided
 * @param approvedBy hub user id of the senior moderator who approved; required for severe actions
 * @param automatedDecision how far the decision was automated
 * @param origin what led to it
 * @param reportIds the reports it answers (their notifiers are told the outcome)
 * @param noticeId the DMCA notice, for origin DMCA
 * @param appealId the appeal, for origin APPEAL
 * @param manifestlyUnfounded whether the reports were manifestly unfounded (counts towards DSA Art. 23)
 * @param decidedAt when it took effect
 */
public record DecisionTaken(
        UUID decisionId,
        UUID caseId,
        SubjectRef subject,
        String ownerId,
        @Nullable String ownerCountry,
        List<ModerationAction> actions,
        @Nullable DecisionGround ground,
        PolicyCategory category,
        @Nullable PolicySubcategory subcategory,
        List<String> territorialScope,
        @Nullable Instant endDate,
        String facts,
        String explanation,
        String policyVersion,
        String decidedBy,
        @Nullable String approvedBy,
        AutomatedDecision automatedDecision,
        DecisionOrigin origin,
        List<UUID> reportIds,
        @Nullable UUID noticeId,
        @Nullable UUID appealId,
        boolean manifestlyUnfounded,
        Instant decidedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.review.DecisionTaken.v1";

    public DecisionTaken {
        required(decisionId, "decisionId");
        required(caseId, "caseId");
        required(subject, "subject");
        text(ownerId, "ownerId");
        countryCode(ownerCountry, "ownerCountry", true);
        actions = list(actions, "actions");
        ModerationAction.requireValidCombination(actions, subject.kind());
        Taxonomy.requireConsistent(category, subcategory);
        territorialScope = list(territorialScope, "territorialScope");
        territorialScope.forEach(code -> countryCode(code, "territorialScope[]", false));
        text(facts, "facts");
        text(explanation, "explanation");
        text(policyVersion, "policyVersion");
        text(decidedBy, "decidedBy");
        optionalText(approvedBy, "approvedBy");
        required(automatedDecision, "automatedDecision");
        required(origin, "origin");
        reportIds = list(reportIds, "reportIds");
        Origins.requireNamed(origin, reportIds, noticeId, appealId);
        required(decidedAt, "decidedAt");

        boolean restricts = actions.stream().anyMatch(ModerationAction::restricts);
        check(!restricts || ground != null, "ground is required when an action restricts the subject");
        check(!restricts || !territorialScope.isEmpty(), "territorialScope is required when an action restricts");
        check(
                !ModerationAction.anyRequiresEndDate(actions) || endDate != null,
                "endDate is required for " + ModerationAction.SUSPEND_ACCOUNT);
        check(endDate == null || restricts, "endDate only applies to a restriction");
        after(endDate, decidedAt, "endDate", "decidedAt");
        check(
                !ModerationAction.anySevere(actions, subject.kind()) || approvedBy != null,
                "a severe action needs approvedBy (a second, senior moderator)");
        check(approvedBy == null || !approvedBy.equals(decidedBy), "approvedBy must be someone other than decidedBy");
        check(
                !manifestlyUnfounded || actions.equals(List.of(ModerationAction.NO_ACTION)),
                "only a NO_ACTION decision can find the reports manifestly unfounded");
    }

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String subjectKey() {
        return subject.key();
    }
}
