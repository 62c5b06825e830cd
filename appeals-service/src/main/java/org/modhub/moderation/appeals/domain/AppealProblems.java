package org.modhub.moderation.appeals.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.modhub.moderation.kit.problem.ProblemException;

/** The problems of this service's own domain, each with a stable type URI. */
public final class AppealProblems {

    public static final String WINDOW_CLOSED = "urn:modhub:problem:appeal-window-closed";
    public static final String ALREADY_OPEN = "urn:modhub:problem:appeal-already-open";
    public static final String NOT_APPEALABLE = "urn:modhub:problem:not-appealable";
    public static final String APPELLANT_SUSPENDED = "urn:modhub:problem:appellant-suspended";
    public static final String REVIEWER_NOT_INDEPENDENT = "urn:modhub:problem:reviewer-not-independent";
    public static final String DECISION_REVERSED = "urn:modhub:problem:decision-already-reversed";

    private AppealProblems() {
    }

    public static ProblemException windowClosed(UUID decisionId, LocalDate closedOn) {
        return new ProblemException(WINDOW_CLOSED, "The appeal window has closed", 409,
                "Decision " + decisionId + " could be appealed until " + closedOn + " (UTC)", List.of());
    }

    public static ProblemException alreadyOpen(UUID decisionId, UUID appealId) {
        return new ProblemException(ALREADY_OPEN, "An appeal against this decision is already open", 409,
                "Your appeal " + appealId + " against decision " + decisionId + " is still open", List.of());
    }

    public static ProblemException notAppealable(String detail) {
        return new ProblemException(NOT_APPEALABLE, "You cannot appeal this decision", 403, detail, List.of());
    }

    public static ProblemException suspended(Instant until, String reason) {
        return new ProblemException(APPELLANT_SUSPENDED, "Complaint handling is suspended for this appellant", 403,
                "Your appeals are not handled until " + until + ". Reason: " + reason, List.of());
    }

    public static ProblemException reviewerNotIndependent(String detail) {
        return new ProblemException(REVIEWER_NOT_INDEPENDENT, "The reviewer must not have taken part in the decision", 403,
                detail, List.of());
    }

    public static ProblemException decisionReversed(UUID decisionId) {
        return new ProblemException(DECISION_REVERSED, "The decision was already reversed", 409,
                "Decision " + decisionId + " no longer stands; there is nothing to appeal", List.of());
    }
}
