package org.modhub.moderation.contracts.event.dmca;

/** Why content taken down on a notice is restored. */
public enum RestorationReason {
    /** A valid counter-notice was filed and the claimant showed no court action in time. */
    COUNTER_NOTICE_PERIOD_ELAPSED("Counter-notice, and no court action shown in time"),
    /** The claimant withdrew the notice. */
    NOTICE_WITHDRAWN("Notice withdrawn by the claimant"),
    /** Staff found, on a later review, that the notice should not have been accepted. */
    NOTICE_REJECTED_ON_REVIEW("Notice rejected on a later review");

    private final String label;

    RestorationReason(String label) {
        this.label = label;
    }

    /** A short human-readable name for this value (reports, consoles); JSON keeps the constant's name. */
    public String label() {
        return label;
    }
}
