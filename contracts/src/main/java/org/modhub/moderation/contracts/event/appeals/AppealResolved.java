package org.modhub.moderation.contracts.event.appeals;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * An appeal was decided by someone other than the original decider. Review-service records a
 * reversal or a new decision from it; appeals-service tells the appellant, with the out-of-court
 * dispute settlement option.
 *
 * @param appealId the appeal
 * @param decisionId the decision appealed against
 * @param subject what it is about
 * @param appellantRole owner or notifier
 * @param outcome upheld, reversed or modified
 * @param newActions the actions now to be taken: required for MODIFIED and for reversing a no-action decision, empty otherwise
 * @param explanation the reasons, as told to the appellant
 * @param reviewerId hub user id of the reviewer
 * @param resolvedAt when
 */
public record AppealResolved(
        UUID appealId,
        UUID decisionId,
        SubjectRef subject,
        AppellantRole appellantRole,
        AppealOutcome outcome,
        List<ModerationAction> newActions,
        String explanation,
        String reviewerId,
        Instant resolvedAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.appeals.AppealResolved.v1";

    public AppealResolved {
        required(appealId, "appealId");
        required(decisionId, "decisionId");
        required(subject, "subject");
        required(appellantRole, "appellantRole");
        required(outcome, "outcome");
        newActions = list(newActions, "newActions");
        check(outcome != AppealOutcome.UPHELD || newActions.isEmpty(), "an UPHELD appeal has no newActions");
        check(outcome != AppealOutcome.MODIFIED || !newActions.isEmpty(), "a MODIFIED appeal needs newActions");
        if (!newActions.isEmpty()) {
            ModerationAction.requireValidCombination(newActions, subject.kind());
        }
        text(explanation, "explanation");
        text(reviewerId, "reviewerId");
        required(resolvedAt, "resolvedAt");
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
