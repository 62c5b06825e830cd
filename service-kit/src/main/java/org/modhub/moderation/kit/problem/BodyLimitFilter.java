package org.modhub.moderation.kit.problem;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.modhub.moderation.kit.config.KitConfig;

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
 *
 * <p>One limit fits every endpoint of most services. A service with one endpoint that takes large
 * bodies (matching-service's list imports) raises {@code quarkus.http.limits.max-body-size} for it
 * and names it in {@code kit.http.large-body-paths} (path prefixes); every other path keeps
 * {@code kit.http.body-limit} (256K by default), so raising one endpoint's limit does not open the
 * others to large bodies. A chunked body on such a path is still cut off at the HTTP layer's limit.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long largeLimit;
    private final long limit;
    private final List<String> largeBodyPaths;
    private final ObjectMapper mapper;

    public BodyLimitFilter(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize largeLimit,
            KitConfig config,
            ObjectMapper mapper) {
        this.largeLimit = largeLimit.asLongValue();
        this.limit = Math.min(config.http().bodyLimit().asLongValue(), this.largeLimit);
        this.largeBodyPaths = config.http().largeBodyPaths().orElse(List.of());
        this.mapper = mapper;
    }

    /** The limit for a request path: the HTTP layer's for a large-body path, else the kit's. */
    long limitFor(String path) {
        if (path != null) {
            for (String prefix : largeBodyPaths) {
                if (path.startsWith(prefix)) {
                    return largeLimit;
                }
            }
        }
        return limit;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).handler(this::checkDeclaredLength);
        router.errorHandler(413, ctx -> refuse(ctx, largeLimit));
    }

    private void checkDeclaredLength(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                long allowed = limitFor(ctx.normalizedPath());
                if (Long.parseLong(declared.trim()) > allowed) {
                    refuse(ctx, allowed);
                    return;
                }
            } catch (NumberFormatException e) {
                // Malformed Content-Length: the HTTP codec rejects it on its own.
            }
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx, long allowed) {
        if (ctx.response().ended()) {
            return;
        }
        // The rest of an oversized body is not read: the connection cannot be reused.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        RouteProblems.send(
                ctx,
                mapper,
                ProblemKind.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + allowed + " bytes");
    }
}
