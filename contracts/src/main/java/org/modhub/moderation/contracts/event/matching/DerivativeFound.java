package org.modhub.moderation.contracts.event.matching;

import static org.modhub.moderation.contracts.event.PayloadChecks.*;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.event.EventPayload;
import org.modhub.moderation.contracts.subject.SubjectRef;

/**
 * A model derives, directly or through others, from a model a decision removed or disabled. Review opens a case
 * "derivative of removed content" for it at high priority, linked to that decision; it is never removed
 * automatically.
 *
 * @param subject the derived model
 * @param removedSubject the removed model at the root of the chain
 * @param decisionId the decision that removed it
 * @param relation how {@code subject} derives from the model above it in the chain
 * @param chain the models from the removed one (excluded) down to {@code subject} (included), in order: its
 *     length is the depth, 1 for a direct derivative
 * @param foundAt when the model tree was read
 */
public record DerivativeFound(
        SubjectRef subject,
        SubjectRef removedSubject,
        UUID decisionId,
        DerivationRelation relation,
        List<SubjectRef> chain,
        Instant foundAt)
        implements EventPayload {

    public static final String TYPE = "org.modhub.moderation.matching.DerivativeFound.v1";

    public DerivativeFound {
        required(subject, "subject");
        required(removedSubject, "removedSubject");
        required(decisionId, "decisionId");
        required(relation, "relation");
        chain = nonEmptyList(chain, "chain");
        check(chain.get(chain.size() - 1).equals(subject), "the chain ends with the subject");
        check(!chain.contains(removedSubject), "the chain does not repeat the removed model");
        required(foundAt, "foundAt");
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
