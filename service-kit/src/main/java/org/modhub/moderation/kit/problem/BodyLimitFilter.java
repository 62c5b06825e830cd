package org.modhub.moderation.kit.problem;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Oversized bodies are refused before they are read, with a 413 in problem details rather than
 * the HTTP layer's bare status. A declared Content-Length over the limit is refused at once; a
 * chunked body that grows past it is cut off by the HTTP layer, whose 413 this also dresses.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long limit;
    private final ObjectMapper mapper;

    public BodyLimitFilter(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
            ObjectMapper mapper) {
        this.limit = limit.asLongValue();
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::checkDeclaredLength);
        router.errorHandler(413, ctx -> refuse(ctx));
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > limit) {
                    refuse(ctx);
                    return;
                }
            } catch (NumberFormatException e) {
                // Malformed Content-Length: the HTTP codec rejects it on its own.
            }
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        // The rest of an oversized body is not read: the connection cannot be reused.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        RouteProblems.send(
                ctx,
                mapper,
                ProblemKind.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + limit + " bytes");
    }
}
