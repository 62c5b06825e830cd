package org.modhub.moderation.devstack.test;

/**
 * The mistakes a caller makes at any endpoint, and the one answer every service gives each: always
 * {@code application/problem+json} with {@code type}, {@code title}, {@code status}, {@code detail}
 * and {@code instance} (the path), never a stack trace. {@link ServiceBaselineChecks} sends each
 * one to each service; service-kit's README shows this list as a table, which
 * {@code MistakeTableTest} keeps equal to it.
 */
public enum Mistake {
    UNKNOWN_FIELD("a body field the endpoint does not know", 400, "unknown-field", "`errors[].field` is the field"),
    MALFORMED_JSON("a body that is not JSON", 400, "malformed-body", "`detail` gives line and column"),
    WRONG_JSON_TYPE(
            "a body field of the wrong JSON type (an object where text goes)",
            400,
            "malformed-body",
            "`errors[].field` is the field"),
    MISSING_BODY("no body where the endpoint requires one", 400, "validation", "`errors[].field` is `body`"),
    MALFORMED_ID("an id in the path that is not an id", 404, "not-found", "`detail` quotes the id"),
    UNKNOWN_ID("an id in the path that nothing has", 404, "not-found", "`detail` quotes the id"),
    BAD_LIMIT("a `limit` that is not a whole number in range", 400, "validation", "`errors[].field` is `query.limit`"),
    BAD_CURSOR("a `cursor` the service did not issue", 400, "validation", "`errors[].field` is `query.cursor`"),
    NO_TOKEN("no bearer token where one is needed", 401, "unauthenticated", "header `WWW-Authenticate: Bearer`"),
    WRONG_ROLE("a token whose roles do not allow the call", 403, "forbidden", "`instance` is the path"),
    UNKNOWN_PATH("a path nothing is served at", 404, "not-found", "`instance` is the path"),
    WRONG_METHOD("a method the path does not serve", 405, "method-not-allowed", "`instance` is the path"),
    OVERSIZED_BODY("a body over 256 KiB", 413, "payload-too-large", "`instance` is the path"),
    NO_CONTENT_TYPE("a body without `Content-Type`", 415, "unsupported-media-type", "`instance` is the path"),
    WRONG_CONTENT_TYPE(
            "a body that is not `application/json`", 415, "unsupported-media-type", "`instance` is the path");

    private static final String TYPE_PREFIX = "urn:modhub:problem:";

    private final String description;
    private final int status;
    private final String slug;
    private final String namedBy;

    Mistake(String description, int status, String slug, String namedBy) {
        this.description = description;
        this.status = status;
        this.slug = slug;
        this.namedBy = namedBy;
    }

    /** The mistake as a caller makes it, in the README's words. */
    public String description() {
        return description;
    }

    public int status() {
        return status;
    }

    /** The problem type, {@code urn:modhub:problem:<slug>}. */
    public String type() {
        return TYPE_PREFIX + slug;
    }

    /** What in the answer points at the mistake, beyond its type. */
    public String namedBy() {
        return namedBy;
    }

    /** This mistake's row in service-kit's README table (mistake | status | type | what names the problem). */
    public String tableRow() {
        return "| " + description + " | " + status + " | `" + type() + "` | " + namedBy + " |";
    }
}
