package org.modhub.moderation.notification.domain;

/** Where a mail is in its life; the delivery log shows it. */
public enum DeliveryStatus {
    /** Waiting for its (next) attempt, or for the recipient's rate limit to free a slot. */
    QUEUED,
    /** Claimed by a sender; the SMTP conversation may be under way. */
    SENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** Permanently refused, unrenderable, or transient failures exhausted the attempts; the reason is recorded. */
    FAILED,
    /** Accepted, then reported undeliverable by a delivery status notification (hard bounce). */
    BOUNCED,
    /** Not sent: the address bounced before and is suppressed. */
    SUPPRESSED
}
