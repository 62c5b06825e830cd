package org.modhub.moderation.kit.problem;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one exception business code throws for an expected failure: a missing row, a conflicting
 * state, a rule the input breaks. {@link ProblemMappers} turns it into problem details. A service
 * names a problem of its own domain with {@link #of} (its own type slug), adds members the client
 * acts on with {@link #with} (RFC 9457 §3.2 extension members) and response headers with
 * {@link #header}, so no service needs a mapper of its own.
 */
public class ProblemException extends RuntimeException {

    private final String type;
    private final String title;
    private final int status;
    private final List<ProblemDetail.FieldError> errors;
    private final Map<String, Object> members = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(ProblemKind kind, String detail) {
        this(kind.type(), kind.title(), kind.status(), detail, List.of());
    }

    public ProblemException(ProblemKind kind, String detail, List<ProblemDetail.FieldError> errors) {
        this(kind.type(), kind.title(), kind.status(), detail, errors);
    }

    public ProblemException(
            String type, String title, int status, String detail, List<ProblemDetail.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.title = title;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** A problem of a service's own domain: {@code urn:modhub:problem:<slug>}. */
    public static ProblemException of(String slug, String title, int status, String detail) {
        return new ProblemException(ProblemKind.typeOf(slug), title, status, detail, List.of());
    }

    /** 429 with {@code Retry-After} as a header (seconds) and as the member {@code retryAfterSeconds}. */
    public static ProblemException rateLimited(String slug, String detail, Duration retryAfter) {
        long seconds = Math.max(1, retryAfter.toSeconds());
        return of(slug, ProblemKind.RATE_LIMITED.title(), 429, detail)
                .with("retryAfterSeconds", seconds)
                .header("Retry-After", Long.toString(seconds));
    }

    /** Adds an extension member to the problem document (null values are left out). */
    public ProblemException with(String member, Object value) {
        if (value != null) {
            members.put(member, value);
        }
        return this;
    }

    /** Adds a response header. */
    public ProblemException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(
                ProblemKind.NOT_FOUND, what + " " + id + " does not exist or is not visible to you");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemKind.CONFLICT, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemKind.FORBIDDEN, detail);
    }

    /** A single invalid field, reported like a bean-validation failure. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(
                ProblemKind.VALIDATION, field + ": " + message, List.of(new ProblemDetail.FieldError(field, message)));
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public List<ProblemDetail.FieldError> errors() {
        return errors;
    }

    /** Extension members, in the order they were added. */
    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
