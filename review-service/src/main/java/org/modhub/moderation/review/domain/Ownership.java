package org.modhub.moderation.review.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.hub.HubAccount;
import org.modhub.moderation.kit.hub.HubDirectory;
import org.modhub.moderation.kit.hub.HubProblems;
import org.modhub.moderation.kit.hub.HubSubject;
import org.modhub.moderation.kit.problem.ProblemDetail;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whom a decision concerns, from the hub directory at the time of the act (issue 23): staff choose among the
 * subject's owners (by default the one notices go to), never type one. Asked before the write transaction; when the
 * hub cannot answer, its {@code HubUnavailableException} (503, {@code Retry-After}) propagates and nothing is written.
 */
@ApplicationScoped
public class Ownership {

    /** The field a problem names when the case's subject is gone from the hub: the subject the case is about. */
    public static final String SUBJECT_FIELD = "subject";
    /** The request field naming the owner chosen. */
    public static final String OWNER_FIELD = "ownerId";

    private final CaseService cases;
    private final HubDirectory hub;

    public Ownership(CaseService cases, HubDirectory hub) {
        this.cases = cases;
        this.hub = hub;
    }

    /** The case's subject as the hub knows it now; 422 {@code unknown-subject} naming {@code subject} if gone. */
    public Uni<HubSubject> subjectOf(UUID caseId) {
        return cases.get(caseId).chain(c -> hub.require(SubjectRef.parse(c.subjectKey), SUBJECT_FIELD));
    }

    /**
     * The facts a staff decision on the case stores.
     *
     * @param chosen the owner staff chose (a hub account id); null: the subject's primary owner
     * @param mailsForChanges whether the decision asks the owner for changes, which needs an address to ask at
     */
    public Uni<HubFacts> forDecision(UUID caseId, String chosen, boolean mailsForChanges) {
        return subjectOf(caseId).map(subject -> choose(subject, chosen, mailsForChanges));
    }

    /** The owner a decision concerns: the chosen one if it is among the subject's owners, else the primary owner. */
    static HubFacts choose(HubSubject subject, String chosen, boolean mailsForChanges) {
        HubAccount owner;
        if (chosen != null) {
            owner = subject.owner(chosen).orElseThrow(() -> HubProblems.notAnOwner(OWNER_FIELD, chosen, subject.ref()));
        } else if (subject.owners().isEmpty()) {
            throw unprocessable("the hub names no owner of " + subject.ref().key() + "; nobody could be told");
        } else {
            owner = subject.primaryOwner();
        }
        if (mailsForChanges && owner.email() == null) {
            throw unprocessable("the hub has no e-mail address for " + owner.name() + " (" + owner.id()
                    + "), so they cannot be asked for changes; choose an owner with one"
                    + " (GET /api/v1/cases/{id}/subject) or decide without REQUEST_CHANGES");
        }
        return HubFacts.of(subject, owner);
    }

    /** 422 naming {@code ownerId}: the request is well-formed, but the hub's facts do not allow it. */
    private static ProblemException unprocessable(String message) {
        return new ProblemException(
                ProblemKind.UNPROCESSABLE,
                OWNER_FIELD + ": " + message,
                List.of(new ProblemDetail.FieldError(OWNER_FIELD, message)));
    }

    /** When the content was posted, for a decision taken from an event; null when the hub no longer knows it. */
    Uni<Instant> contentDate(SubjectRef subject) {
        return hub.find(subject).map(found -> found.map(HubSubject::createdAt).orElse(null));
    }

    /** The subject as the hub knows it, for a decision taken from an event; null when the hub no longer knows it. */
    Uni<HubSubject> find(SubjectRef subject) {
        return hub.find(subject).map(found -> found.orElse(null));
    }
}
