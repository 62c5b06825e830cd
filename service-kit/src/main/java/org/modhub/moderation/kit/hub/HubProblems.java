package org.modhub.moderation.kit.hub;

import java.util.List;

import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.problem.ProblemDetail;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemKind;

/** The problems the hub directory answers with. */
public final class HubProblems {

    private HubProblems() {}

    /** 422: the hub has no such subject; the field that named it is in {@code errors}. */
    public static ProblemException unknownSubject(String field, SubjectRef subject) {
        return unprocessable(
                "unknown-subject", "The hub does not know this subject", field, "the hub has no " + subject.key());
    }

    /** 422: an account staff chose is not among the subject's owners. */
    public static ProblemException notAnOwner(String field, String accountId, SubjectRef subject) {
        return unprocessable(
                "not-an-owner",
                "The account is not an owner of the subject",
                field,
                accountId + " is not an owner of " + subject.key() + " on the hub");
    }

    private static ProblemException unprocessable(String slug, String title, String field, String message) {
        return new ProblemException(
                ProblemKind.typeOf(slug),
                title,
                422,
                field + ": " + message,
                List.of(new ProblemDetail.FieldError(field, message)));
    }
}
