package org.modhub.moderation.contracts.event.privacy;

/** What a data subject asked for. */
public enum PrivacyRequestKind {
    /** GDPR Art. 15: everything held about the person, with what each item is and why it is kept. */
    ACCESS,
    /** GDPR Art. 17: erase or anonymise what no legal hold keeps. */
    ERASURE
}
