package org.modhub.moderation.appeals.privacy.ledger;

/** Where one service's answer to a request stands: not (all) arrived, or every part arrived. */
public enum AnswerStatus {
    WAITING,
    ANSWERED
}
