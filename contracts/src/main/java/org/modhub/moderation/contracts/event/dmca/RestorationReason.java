package org.modhub.moderation.contracts.event.dmca;

/** Why content taken down on a notice is restored. */
public enum RestorationReason {
    /** A valid counter-notice was filed and the claimant showed no court action in time. */
    COUNTER_NOTICE_PERIOD_ELAPSED,
    /** The claimant withdrew the notice. */
    NOTICE_WITHDRAWN,
    /** Staff found, on a later review, that the notice should not have been accepted. */
    NOTICE_REJECTED_ON_REVIEW
}
