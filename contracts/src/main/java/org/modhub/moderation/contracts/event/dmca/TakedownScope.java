package org.modhub.moderation.contracts.event.dmca;

/** How much of the uploader's content a takedown disables. */
public enum TakedownScope {
    /** Only the listed files of a repository; every subject is a {@code file:} subject. */
    PARTIAL,
    /** Each listed subject as a whole (a repository, discussion, comment or post). */
    WHOLE
}
