package org.modhub.moderation.contracts.event.review;

/** What led to a case or decision. */
public enum DecisionOrigin {
    /** One or more reports (the decision lists their ids). */
    REPORT,
    /** A DMCA notice, a counter-notice or its restoration clock (the decision names the notice). */
    DMCA,
    /** An appeal against an earlier decision (the decision names the appeal). */
    APPEAL,
    /** The hub's own initiative, without a report. */
    OWN_INITIATIVE
}
