package org.modhub.moderation.contracts.event.appeals;

/** Who appeals. */
public enum AppellantRole {
    /** The owner or author of the subject, against a restriction. */
    OWNER("Owner of the content"),
    /** A notifier whose report led to no action or a lesser one. */
    NOTIFIER("Notifier");

    private final String label;

    AppellantRole(String label) {
        this.label = label;
    }

    /** A short human-readable name for this value (reports, consoles); JSON keeps the constant's name. */
    public String label() {
        return label;
    }
}
