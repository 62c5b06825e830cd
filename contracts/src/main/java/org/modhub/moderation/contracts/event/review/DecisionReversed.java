package org.modhub.moderation.contracts.event.review;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.event.Nullable;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * An earlier decision was reversed (an upheld appeal, a DMCA restoration, or staff's own
 * correction) and the restrictions it imposed are lifted. The reversal is itself a recorded
 * decision with its own id.
 *
 * @param decisionId the id of this reversing decision
 * @param reversedDecisionId the decision that is reversed
 * @param subject what it is about
 * @param origin APPEAL, DMCA or OWN_INITIATIVE
 * @param appealId the appeal, for origin APPEAL
 * @param noticeId the DMCA notice whose takedown is undone, for origin DMCA
 * @param reason why, as told to the owner and notifiers
 * @param actionsLifted the restrictions that no longer apply
 * @param decidedBy hub user id of who reversed it
 * @param decidedAt when it took effect
 */
public record DecisionReversed(
        UUID decisionId,
        UUID reversedDecisionId,
        SubjectRef subject,
        DecisionOrigin origin,
        @Nullable UUID appealId,
        @Nullable UUID noticeId,
        String reason,
        List<ModerationAction> actionsLifted,
        String decidedBy,
        Instant decidedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.review.DecisionReversed.v1";

    public DecisionReversed {
        required(decisionId, "decisionId");
        required(reversedDecisionId, "reversedDecisionId");
        check(!decisionId.equals(reversedDecisionId), "a decision cannot reverse itself");
        required(subject, "subject");
        required(origin, "origin");
        check(
                origin != DecisionOrigin.REPORT,
                "a reversal comes from an appeal, a DMCA restoration or staff, not a report");
        Origins.requireNamed(origin, List.of(), noticeId, appealId);
        text(reason, "reason");
        actionsLifted = nonEmptyList(actionsLifted, "actionsLifted");
        actionsLifted.forEach(a -> check(a.restricts(), "actionsLifted holds only restrictions, not " + a));
        check(actionsLifted.stream().distinct().count() == actionsLifted.size(), "actionsLifted must not repeat");
        text(decidedBy, "decidedBy");
        required(decidedAt, "decidedAt");
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
