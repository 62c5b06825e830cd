package org.modhub.moderation.reporting.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.modhub.moderation.kit.problem.ProblemDetail;
import org.modhub.moderation.reporting.domain.NotifierSuspendedException;
import org.modhub.moderation.reporting.domain.RateLimitedException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/**
 * The two problems of this service that need more than the kit's problem details: a 429 carries
 * {@code Retry-After} (header and extension member), a suspension its end date and reason
 * (extension members, RFC 9457 §3.2). Everything else goes through the kit's mappers.
 */
public class ReportingProblemMappers {

    private final ObjectMapper mapper;

    public ReportingProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public RestResponse<String> rateLimited(RateLimitedException e, UriInfo uri) {
        Map<String, Object> body = base(e.type(), e.title(), e.status(), e.getMessage(), uri);
        body.put("retryAfterSeconds", e.retryAfterSeconds());
        return RestResponse.ResponseBuilder.<String> create(e.status()).entity(write(body))
                .type(ProblemDetail.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<String> suspended(NotifierSuspendedException e, UriInfo uri) {
        Map<String, Object> body = base(e.type(), e.title(), e.status(), e.getMessage(), uri);
        body.put("suspendedUntil", e.until().toString());
        body.put("reason", e.reason());
        return RestResponse.ResponseBuilder.<String> create(e.status()).entity(write(body))
                .type(ProblemDetail.MEDIA_TYPE)
                .build();
    }

    private static Map<String, Object> base(String type, String title, int status, String detail, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
        return body;
    }

    private String write(Map<String, Object> body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
