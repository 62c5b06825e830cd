package org.modhub.moderation.review.domain;

/**
 * How matching-service tied a case's subject to content a decision removed ({@code matching.events}): always by
 * automated means, so a decision on such a case says automated detection (DSA Art. 17(3)(c)).
 */
public enum Detection {
    /** Files with the content hash of removed files: the same content uploaded again. */
    REUPLOAD,
    /** The model card names a removed model as its {@code base_model}. */
    BASE_MODEL,
    /** The hub's model tree shows the model derives, directly or through others, from a removed model. */
    DERIVATIVE
}
