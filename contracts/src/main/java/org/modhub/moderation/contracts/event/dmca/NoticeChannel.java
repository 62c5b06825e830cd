package org.modhub.moderation.contracts.event.dmca;

/** How a DMCA notice or counter-notice arrived. */
public enum NoticeChannel {
    /** The REST API behind the hub's web form. */
    WEB_FORM,
    /** A mail to the dmca@ inbox. */
    EMAIL
}
