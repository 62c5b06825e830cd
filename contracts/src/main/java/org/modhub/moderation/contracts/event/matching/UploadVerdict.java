package org.modhub.moderation.contracts.event.matching;

/** What the hub should do with an upload the bank recognises. */
public enum UploadVerdict {
    /** Nothing matched: publish as usual. */
    ACCEPT("Accept"),
    /** Accept the upload but keep it out of sight until a person has looked (a case is opened). */
    HOLD_FOR_REVIEW("Accept and hold for review"),
    /** Refuse the upload: the same content was removed by a decision that stands. */
    REFUSE("Refuse");

    private final String label;

    UploadVerdict(String label) {
        this.label = label;
    }

    /** A short human-readable name for this value; JSON keeps the constant's name. */
    public String label() {
        return label;
    }

    /** The stricter of two verdicts, for an upload with several matches. */
    public UploadVerdict stricter(UploadVerdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
