package org.modhub.moderation.review.domain;

import java.util.UUID;

import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.review.persistence.CaseRepository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Cases linked to removed content when the removal itself is reversed, in the reversal's transaction. matching-service
 * takes the content out of the bank on the same {@code DecisionReversed}, so the hub accepts the upload again; the
 * linked cases stay open for a person (a derivative may break the policy on its own), but no longer rank as linked,
 * and their audit log and view say which decision reversed the removal.
 */
@ApplicationScoped
public class LinkedCases {

    private final CaseRepository cases;
    private final AuditTrail audit;

    public LinkedCases(CaseRepository cases, AuditTrail audit) {
        this.cases = cases;
        this.audit = audit;
    }

    /** {@code removal} was reversed by {@code reversal}: every open case linked to it is told. */
    Uni<Void> removalReversed(UUID removal, UUID reversal, String actor) {
        return cases.lockOpenLinkedTo(removal).chain(linked -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (var c : linked) {
                if (c.linkedDecisionReversedBy != null) {
                    continue;
                }
                c.linkedDecisionReversedBy = reversal;
                CasePriority.update(c);
                chain = chain.chain(() -> audit.record(
                        actor,
                        "case.link-reversed",
                        "case",
                        c.id,
                        c.id,
                        c.subjectKey,
                        "the removal this case is linked to (decision " + removal + ") was reversed by decision "
                                + reversal + "; the content is out of the bank, the case no longer ranks as linked"));
            }
            return chain;
        });
    }
}
