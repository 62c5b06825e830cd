package org.modhub.moderation.review.domain;

/** A decision imposes actions; a reversal lifts the restrictions of an earlier decision. */
public enum DecisionKind {
    DECISION,
    REVERSAL
}
