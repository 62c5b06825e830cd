package org.modhub.moderation.reporting.api;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.modhub.moderation.kit.problem.ProblemDetail;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.problem.ProblemMappers;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.UriInfo;

/**
 * Local workaround for a service-kit defect: {@code ProblemMappers.respond} calls
 * {@code ResponseBuilder.create(int, String)}, whose String is the HTTP reason phrase, not the
 * body, so the kit's problem details go out with an empty body. These mappers take precedence
 * over the kit's, let the kit build the problem, and put the document back as the body.
 * Quarkus REST Jackson also maps {@code MismatchedInputException} (unknown fields, wrong types)
 * with its own bare 400, which wins over the kit's broader {@code JsonProcessingException} mapper.
 * Delete this class once the kit builds its responses with {@code create(status).entity(json)}.
 */
public class KitProblemBodyFix {

    private final ProblemMappers kit;

    public KitProblemBodyFix(ObjectMapper mapper) {
        this.kit = new ProblemMappers(mapper);
    }

    @ServerExceptionMapper(priority = 1)
    public RestResponse<String> problem(ProblemException e, UriInfo uri) {
        return fix(kit.problem(e, uri));
    }

    @ServerExceptionMapper(priority = 1)
    public RestResponse<String> validation(ConstraintViolationException e, UriInfo uri) {
        return fix(kit.validation(e, uri));
    }

    @ServerExceptionMapper(priority = 0)
    public RestResponse<String> json(JsonProcessingException e, UriInfo uri) {
        return fix(kit.json(e, uri));
    }

    /** Quarkus REST Jackson maps these itself (without problem details) unless a more specific mapper exists. */
    @ServerExceptionMapper(priority = 0)
    public RestResponse<String> mismatched(MismatchedInputException e, UriInfo uri) {
        return fix(kit.json(e, uri));
    }

    @ServerExceptionMapper(priority = 0)
    public RestResponse<String> parse(JsonParseException e, UriInfo uri) {
        return fix(kit.json(e, uri));
    }

    @ServerExceptionMapper(priority = 1)
    public RestResponse<String> unauthenticated(UnauthorizedException e, UriInfo uri) {
        return fix(kit.unauthenticated(e, uri));
    }

    @ServerExceptionMapper(priority = 1)
    public RestResponse<String> authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return fix(kit.authenticationFailed(e, uri));
    }

    @ServerExceptionMapper(priority = 1)
    public RestResponse<String> authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return fix(kit.authenticationCompletion(e, uri));
    }

    @ServerExceptionMapper(priority = 1)
    public RestResponse<String> forbidden(ForbiddenException e, UriInfo uri) {
        return fix(kit.forbidden(e, uri));
    }

    @ServerExceptionMapper(priority = 1)
    public RestResponse<String> web(WebApplicationException e, UriInfo uri) {
        return fix(kit.web(e, uri));
    }

    @ServerExceptionMapper(priority = 9_999)
    public RestResponse<String> unexpected(Throwable e, UriInfo uri) {
        return fix(kit.unexpected(e, uri));
    }

    private static RestResponse<String> fix(RestResponse<String> response) {
        if (response.hasEntity()) {
            return response;
        }
        String phrase = response.getStatusInfo().getReasonPhrase();
        RestResponse.ResponseBuilder<String> fixed = RestResponse.ResponseBuilder.<String> create(response.getStatus())
                .entity(phrase).type(ProblemDetail.MEDIA_TYPE);
        response.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> fixed.header(name, value));
            }
        });
        return fixed.build();
    }
}
