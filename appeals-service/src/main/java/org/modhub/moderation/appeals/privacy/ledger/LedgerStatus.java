package org.modhub.moderation.appeals.privacy.ledger;

/** Where a request stands: waiting for answers, or answered in full by every expected service. */
public enum LedgerStatus {
    PENDING,
    COMPLETE
}
