package org.modhub.moderation.contracts.event.matching;

/** How an upload was recognised. */
public enum MatchKind {
    /** One of its files has the content hash (sha256) of a banked file. */
    CONTENT_HASH("Same content as removed content"),
    /** Its card names a removed model as {@code base_model}. */
    BASE_MODEL("Declares removed content as its base model");

    private final String label;

    MatchKind(String label) {
        this.label = label;
    }

    /** A short human-readable name for this value; JSON keeps the constant's name. */
    public String label() {
        return label;
    }
}
