package org.modhub.moderation.dmca.domain;

/** Where one uploader's takedown stands. */
public enum TakedownStatus {
    /** Only some files infringe: the owner may remove them until the window ends. */
    AWAITING_REMOVAL,
    /** The content is disabled ({@code TakedownOrdered} was published). */
    IN_FORCE,
    /** A valid counter-notice was filed; the restoration clock runs. */
    COUNTERED,
    /** The claimant showed a court action: the content stays disabled. */
    UPHELD,
    /** Restored after the counter-notice period. */
    RESTORED
}
