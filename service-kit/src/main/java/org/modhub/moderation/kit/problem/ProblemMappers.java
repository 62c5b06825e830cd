package org.modhub.moderation.kit.problem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns every error of every service into RFC 9457 problem details. Exceptions thrown inside a
 * {@code Uni} chain reach these mappers too. Nothing here leaks class names or stack traces: an
 * unexpected error is logged with a reference the caller can quote.
 */
public class ProblemMappers {

    private final ObjectMapper mapper;

    public ProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public RestResponse<String> problem(ProblemException e, UriInfo uri) {
        ProblemDetail problem =
                new ProblemDetail(e.type(), e.title(), e.status(), e.getMessage(), path(uri), e.errors());
        if (e.members().isEmpty() && e.headers().isEmpty()) {
            return respond(problem);
        }
        ObjectNode document = mapper.valueToTree(problem);
        // Extension members never replace the standard ones (RFC 9457 §3.2).
        e.members().forEach((member, value) -> {
            if (!document.has(member)) {
                document.set(member, mapper.valueToTree(value));
            }
        });
        RestResponse.ResponseBuilder<String> response = RestResponse.ResponseBuilder.<String>create(problem.status())
                .entity(document.toString())
                .type(ProblemDetail.MEDIA_TYPE);
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public RestResponse<String> validation(ConstraintViolationException e, UriInfo uri) {
        List<ProblemDetail.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new ProblemDetail.FieldError(fieldOf(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(ProblemDetail.FieldError::field));
        String detail = errors.stream()
                .map(err -> err.field() + ": " + err.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return respond(ProblemKind.VALIDATION, detail, uri, errors);
    }

    @ServerExceptionMapper(priority = 1)
    public RestResponse<String> json(JsonProcessingException e, UriInfo uri) {
        return respond(describeJson(e, uri));
    }

    /** Quarkus REST Jackson maps this one itself, with a bare 400, unless a mapper this specific exists. */
    @ServerExceptionMapper(priority = 1)
    public RestResponse<String> mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(describeJson(e, uri));
    }

    /** As above, for bodies that are not JSON at all. */
    @ServerExceptionMapper(priority = 1)
    public RestResponse<String> unparsable(JsonParseException e, UriInfo uri) {
        return respond(describeJson(e, uri));
    }

    @ServerExceptionMapper
    public RestResponse<String> unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public RestResponse<String> authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public RestResponse<String> authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public RestResponse<String> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemKind.FORBIDDEN, "Your roles do not allow this operation", uri, List.of());
    }

    @ServerExceptionMapper
    public RestResponse<String> web(WebApplicationException e, UriInfo uri) {
        // The framework wraps body-reading failures; report the real cause.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return respond(describeJson(json, uri));
            }
        }
        int status = e.getResponse() != null ? e.getResponse().getStatus() : 500;
        ProblemKind kind = ProblemKind.forStatus(status);
        String detail = switch (kind) {
            case NOT_FOUND -> "Nothing is served at " + path(uri);
            case METHOD_NOT_ALLOWED -> "This method is not allowed on " + path(uri);
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "This resource is served as application/json";
            case PAYLOAD_TOO_LARGE -> "The request body exceeds the size limit";
            case INTERNAL -> "Internal error";
            default -> kind.title();
        };
        if (status >= 500) {
            return internal(e, uri);
        }
        return respond(new ProblemDetail(kind.type(), kind.title(), status, detail, path(uri), List.of()));
    }

    /**
     * A blocking endpoint reads its body as a stream; a chunked body that grows past the size limit
     * fails there with this message (found by the baseline checks). Quarkus REST has then already
     * answered a bare 413 and closed the connection: this keeps it from being logged as our error.
     */
    @ServerExceptionMapper(priority = 1)
    public RestResponse<String> bodyRead(IOException e, UriInfo uri) {
        if ("Request too large".equals(e.getMessage())) {
            return respond(ProblemKind.PAYLOAD_TOO_LARGE, "The request body exceeds the size limit", uri, List.of());
        }
        return internal(e, uri);
    }

    @ServerExceptionMapper(priority = 10_000)
    public RestResponse<String> unexpected(Throwable e, UriInfo uri) {
        return internal(e, uri);
    }

    private RestResponse<String> internal(Throwable e, UriInfo uri) {
        String reference = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected error on %s (reference %s)", path(uri), reference);
        return respond(
                ProblemKind.INTERNAL,
                "Internal error; quote reference " + reference + " when reporting it",
                uri,
                List.of());
    }

    private RestResponse<String> unauthenticated(UriInfo uri) {
        ProblemDetail body = new ProblemDetail(
                ProblemKind.UNAUTHENTICATED.type(),
                ProblemKind.UNAUTHENTICATED.title(),
                401,
                "Send a valid bearer token (RS256, issued for this audience) in the Authorization header",
                path(uri),
                List.of());
        return RestResponse.ResponseBuilder.<String>create(RestResponse.Status.UNAUTHORIZED)
                .entity(write(body))
                .type(ProblemDetail.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    private ProblemDetail describeJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = pathOf(unknown);
            return detail(
                    ProblemKind.UNKNOWN_FIELD,
                    "Unknown field '" + field + "'",
                    uri,
                    List.of(new ProblemDetail.FieldError(field, "unknown field")));
        }
        if (e instanceof InvalidFormatException invalid) {
            String field = pathOf(invalid);
            String message =
                    invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                            ? "must be one of " + enumValues(invalid.getTargetType())
                            : "has the wrong format";
            return detail(
                    ProblemKind.VALIDATION,
                    field + ": " + message,
                    uri,
                    List.of(new ProblemDetail.FieldError(field, message)));
        }
        if (e instanceof ValueInstantiationException instantiation
                && instantiation.getCause() instanceof IllegalArgumentException iae) {
            // Our own value types (subject keys, codes) reject bad input with a message meant for the caller.
            String field = pathOf(instantiation);
            return detail(
                    ProblemKind.VALIDATION,
                    field + ": " + iae.getMessage(),
                    uri,
                    List.of(new ProblemDetail.FieldError(field, iae.getMessage())));
        }
        if (e instanceof MismatchedInputException mismatched) {
            String field = pathOf(mismatched);
            String message = field.isEmpty() ? "the body must be a JSON object" : "has the wrong type";
            return detail(
                    ProblemKind.MALFORMED_BODY,
                    (field.isEmpty() ? "" : field + ": ") + message,
                    uri,
                    field.isEmpty() ? List.of() : List.of(new ProblemDetail.FieldError(field, message)));
        }
        if (e instanceof JsonParseException parse && parse.getLocation() != null) {
            return detail(
                    ProblemKind.MALFORMED_BODY,
                    "Not valid JSON at line " + parse.getLocation().getLineNr() + ", column "
                            + parse.getLocation().getColumnNr(),
                    uri,
                    List.of());
        }
        if (e instanceof JsonMappingException mapping && !pathOf(mapping).isEmpty()) {
            String field = pathOf(mapping);
            return detail(
                    ProblemKind.MALFORMED_BODY,
                    field + ": cannot be read",
                    uri,
                    List.of(new ProblemDetail.FieldError(field, "cannot be read")));
        }
        return detail(ProblemKind.MALFORMED_BODY, "The body is not valid JSON", uri, List.of());
    }

    private static String enumValues(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(constant.toString());
        }
        return String.join(", ", names);
    }

    /** The JSON path of the failing field, as a caller writes it: {@code evidence[2].url}. */
    static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Drops the Java method and parameter names bean validation puts in front of the field. */
    static String fieldOf(Path propertyPath) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : propertyPath) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE
                    || node.getKind() == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null && node.getIndex() == null) {
                continue;
            }
            if (node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        if (field.isEmpty()) {
            return parameter == null ? "request" : parameter;
        }
        return field.toString();
    }

    private ProblemDetail detail(ProblemKind kind, String detail, UriInfo uri, List<ProblemDetail.FieldError> errors) {
        return new ProblemDetail(kind.type(), kind.title(), kind.status(), detail, path(uri), errors);
    }

    private RestResponse<String> respond(
            ProblemKind kind, String detail, UriInfo uri, List<ProblemDetail.FieldError> errors) {
        return respond(detail(kind, detail, uri, errors));
    }

    private RestResponse<String> respond(ProblemDetail problem) {
        // create(int, String) would take the document as the reason phrase: set it as the entity.
        return RestResponse.ResponseBuilder.<String>create(problem.status())
                .entity(write(problem))
                .type(ProblemDetail.MEDIA_TYPE)
                .build();
    }

    private String write(ProblemDetail problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Problem details are always serialisable", e);
        }
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
