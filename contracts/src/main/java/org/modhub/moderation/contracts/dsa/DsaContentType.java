package org.modhub.moderation.contracts.dsa;

/** The DSA statement {@code content_type} values. */
public enum DsaContentType {
    CONTENT_TYPE_APP("App"),
    CONTENT_TYPE_AUDIO("Audio"),
    CONTENT_TYPE_IMAGE("Image"),
    CONTENT_TYPE_PRODUCT("Product"),
    CONTENT_TYPE_SYNTHETIC_MEDIA("Synthetic Media"),
    CONTENT_TYPE_TEXT("Text"),
    CONTENT_TYPE_VIDEO("Video"),
    /** Needs the free-text {@code content_type_other} in the statement. */
    CONTENT_TYPE_OTHER("Other");

    private final String label;

    DsaContentType(String label) {
        this.label = label;
    }

    /** The API's human-readable text for this value. */
    public String label() {
        return label;
    }
}
