package org.modhub.moderation.kit.problem;

import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request body without a Content-Type is refused with 415, as one of a wrong type is. Left to the REST layer, such a
 * body is read as JSON and accepted, and a body without a type is what a cross-site page can send without a CORS
 * preflight: a form on another site could then file reports in a visitor's name.
 */
@ApplicationScoped
public class MissingMediaTypeFilter {

    private static final Set<HttpMethod> WITH_BODY = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    private final ObjectMapper mapper;

    public MissingMediaTypeFilter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 110).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        var request = ctx.request();
        if (WITH_BODY.contains(request.method())
                && !request.path().startsWith("/q/")
                && hasBody(ctx)
                && blank(request.getHeader(HttpHeaders.CONTENT_TYPE))) {
            RouteProblems.send(
                    ctx,
                    mapper,
                    ProblemKind.UNSUPPORTED_MEDIA_TYPE,
                    "The request has a body but no Content-Type; send it as application/json");
            return;
        }
        ctx.next();
    }

    private static boolean hasBody(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.isBlank() && !"0".equals(length.strip());
        }
        return ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
