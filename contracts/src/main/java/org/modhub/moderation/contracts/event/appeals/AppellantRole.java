package org.modhub.moderation.contracts.event.appeals;

/** Who appeals. */
public enum AppellantRole {
    /** The owner or author of the subject, against a restriction. */
    OWNER,
    /** A notifier whose report led to no action or a lesser one. */
    NOTIFIER
}
