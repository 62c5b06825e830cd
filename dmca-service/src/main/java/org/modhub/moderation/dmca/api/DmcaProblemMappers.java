package org.modhub.moderation.dmca.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.modhub.moderation.dmca.domain.RateLimitedException;
import org.modhub.moderation.kit.problem.ProblemDetail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;

/** A 429 carries {@code Retry-After} (header and extension member); everything else goes through the kit's mappers. */
public class DmcaProblemMappers {

    private final ObjectMapper mapper;

    public DmcaProblemMappers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerExceptionMapper
    public RestResponse<String> rateLimited(RateLimitedException e, UriInfo uri) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", e.type());
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        body.put("instance", uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""));
        body.put("retryAfterSeconds", e.retryAfterSeconds());
        try {
            return RestResponse.ResponseBuilder.<String> create(e.status()).entity(mapper.writeValueAsString(body))
                    .type(ProblemDetail.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).build();
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
