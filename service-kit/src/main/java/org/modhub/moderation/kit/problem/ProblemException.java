package org.modhub.moderation.kit.problem;

import java.util.List;

/**
 * The one exception business code throws for an expected failure: a missing row, a conflicting
 * state, a rule the input breaks. {@link ProblemMappers} turns it into problem details. Services may
 * use their own type slug for a kind of their domain (e.g. {@code report-rate-limited}).
 */
public class ProblemException extends RuntimeException {

    private final String type;
    private final String title;
    private final int status;
    private final List<ProblemDetail.FieldError> errors;

    public ProblemException(ProblemKind kind, String detail) {
        this(kind.type(), kind.title(), kind.status(), detail, List.of());
    }

    public ProblemException(ProblemKind kind, String detail, List<ProblemDetail.FieldError> errors) {
        this(kind.type(), kind.title(), kind.status(), detail, errors);
    }

    public ProblemException(String type, String title, int status, String detail, List<ProblemDetail.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.title = title;
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemKind.NOT_FOUND, what + " " + id + " does not exist or is not visible to you");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemKind.CONFLICT, detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemKind.FORBIDDEN, detail);
    }

    /** A single invalid field, reported like a bean-validation failure. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemKind.VALIDATION, field + ": " + message,
                List.of(new ProblemDetail.FieldError(field, message)));
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
}
