package org.modhub.moderation.contracts.subject;

import java.util.Arrays;
import java.util.Optional;

import org.modhub.moderation.contracts.dsa.DsaContentType;

/**
 * The kinds of thing a report, case or decision is about. {@link #keyPrefix()} starts the
 * subject key (see {@link SubjectRef}); {@link #dsaContentType()} is what a statement of reasons
 * says about it.
 */
public enum SubjectKind {
    MODEL("model", DsaContentType.CONTENT_TYPE_OTHER, "Machine-learning model repository"),
    DATASET("dataset", DsaContentType.CONTENT_TYPE_OTHER, "Dataset repository"),
    /** A Space runs an application, so the DSA calls it an app. */
    SPACE("space", DsaContentType.CONTENT_TYPE_APP, null),
    /** One file at one revision of a repository (a partial takedown targets these). */
    FILE("file", DsaContentType.CONTENT_TYPE_OTHER, "File in a machine-learning repository"),
    DISCUSSION("discussion", DsaContentType.CONTENT_TYPE_TEXT, null),
    PULL_REQUEST("pull_request", DsaContentType.CONTENT_TYPE_TEXT, null),
    /** A comment in a discussion, a pull request or under a post. */
    COMMENT("comment", DsaContentType.CONTENT_TYPE_TEXT, null),
    POST("post", DsaContentType.CONTENT_TYPE_TEXT, null),
    /** A user or organisation account, named by its hub name. */
    ACCOUNT("account", DsaContentType.CONTENT_TYPE_OTHER, "User account");

    private final String keyPrefix;
    private final DsaContentType dsaContentType;
    private final String dsaContentTypeOther;

    SubjectKind(String keyPrefix, DsaContentType dsaContentType, String dsaContentTypeOther) {
        this.keyPrefix = keyPrefix;
        this.dsaContentType = dsaContentType;
        this.dsaContentTypeOther = dsaContentTypeOther;
    }

    /** The lower-case word that starts this kind's subject keys. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** Whether this kind is a repository (model, dataset or Space). */
    public boolean isRepository() {
        return this == MODEL || this == DATASET || this == SPACE;
    }

    /** Whether this kind lives inside a repository's community tab or file tree. */
    public boolean isInsideRepository() {
        return this == FILE || this == DISCUSSION || this == PULL_REQUEST;
    }

    /** The statement's {@code content_type} value for this kind. */
    public DsaContentType dsaContentType() {
        return dsaContentType;
    }

    /** The {@code content_type_other} text, present exactly when the content type is OTHER. */
    public Optional<String> dsaContentTypeOther() {
        return Optional.ofNullable(dsaContentTypeOther);
    }

    /** The kind whose key prefix is {@code prefix}, if any. */
    public static Optional<SubjectKind> fromKeyPrefix(String prefix) {
        return Arrays.stream(values()).filter(k -> k.keyPrefix.equals(prefix)).findFirst();
    }
}
