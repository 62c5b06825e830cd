package org.modhub.moderation.kit.problem;

/** The error kinds every service shares, each with its stable type URI, title and status. */
public enum ProblemKind {
    VALIDATION("validation", "The request is invalid", 400),
    MALFORMED_BODY("malformed-body", "The request body is not valid JSON of the expected shape", 400),
    UNKNOWN_FIELD("unknown-field", "The request body has a field this endpoint does not accept", 400),
    UNAUTHENTICATED("unauthenticated", "A valid bearer token is required", 401),
    FORBIDDEN("forbidden", "The caller may not do this", 403),
    NOT_FOUND("not-found", "No such resource", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "The method is not allowed on this resource", 405),
    NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", 406),
    CONFLICT("conflict", "The request conflicts with the resource's current state", 409),
    GONE("gone", "The resource is no longer available", 410),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "The request body's media type is not supported", 415),
    UNPROCESSABLE("unprocessable", "The request is well-formed but cannot be processed", 422),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    UNAVAILABLE("unavailable", "A dependency is unavailable; try again later", 503),
    OVERLOADED("overloaded", "The service is at capacity; try again shortly", 503),
    INTERNAL("internal", "Internal error", 500);

    private static final String TYPE_PREFIX = "urn:modhub:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemKind(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String type() {
        return typeOf(slug);
    }

    /** The type URI of a problem slug, shared or a service's own. */
    public static String typeOf(String slug) {
        return TYPE_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The shared kind for a bare HTTP status, used when a framework exception carries only that. */
    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status && kind != MALFORMED_BODY && kind != UNKNOWN_FIELD) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
