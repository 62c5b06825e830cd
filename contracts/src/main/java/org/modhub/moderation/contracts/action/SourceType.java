package org.modhub.moderation.contracts.action;

/**
 * The DSA statement {@code source_type}: what led to the decision. Names are the API strings
 * (the API calls trusted notifiers "trusted flaggers").
 */
public enum SourceType {
    /** A notice of allegedly illegal content under Art. 16 DSA, from anyone. */
    SOURCE_ARTICLE_16("Notice submitted in accordance with Article 16 DSA"),
    /** A notice from a trusted flagger under Art. 22 DSA. */
    SOURCE_TRUSTED_FLAGGER("Notice submitted by a trusted flagger"),
    /** Any other notification, e.g. of a breach of the policy that alleges nothing illegal. */
    SOURCE_TYPE_OTHER_NOTIFICATION("Other type of notification"),
    /** The hub's own initiative: its detectors or its staff. */
    SOURCE_VOLUNTARY("Own voluntary initiative");

    private final String label;

    SourceType(String label) {
        this.label = label;
    }

    /** The API's human-readable text for this value. */
    public String label() {
        return label;
    }
}
