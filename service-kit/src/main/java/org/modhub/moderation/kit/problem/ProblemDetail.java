package org.modhub.moderation.kit.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details document, served as {@code application/problem+json}.
 *
 * @param type stable URI of the error kind ({@code urn:modhub:problem:<slug>}); clients branch on it
 * @param title short summary of the error kind, the same for every occurrence
 * @param status the HTTP status code
 * @param detail what went wrong this time, safe to show the caller (no class names, no stack traces)
 * @param instance the request path
 * @param errors field-level errors, when the request body or parameters were invalid
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProblemDetail(
        String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its path in the request ({@code explanation}, {@code evidence[2]}, {@code query.limit}). */
    public record FieldError(String field, String message) {}
}
