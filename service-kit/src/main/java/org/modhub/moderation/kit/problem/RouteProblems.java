package org.modhub.moderation.kit.problem;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Problem details written by the kit's route handlers, which answer before any resource method runs. */
final class RouteProblems {

    private RouteProblems() {}

    /** Ends the response with {@code kind}'s status and a problem body; headers set on {@code ctx.response()} before stay. */
    static void send(RoutingContext ctx, ObjectMapper mapper, ProblemKind kind, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        ProblemDetail problem = new ProblemDetail(
                kind.type(), kind.title(), kind.status(), detail, ctx.request().path(), List.of());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(kind.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemDetail.MEDIA_TYPE)
                .end(body);
    }
}
