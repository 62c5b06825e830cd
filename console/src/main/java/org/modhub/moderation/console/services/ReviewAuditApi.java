package org.modhub.moderation.console.services;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * review-service's auditors' endpoints: the DSA transparency report (Art. 15, 24), how statements of reasons
 * stand with the EU Transparency Database, and the audit log. Kept apart from {@link ReviewApi}, the cases'.
 */
@RegisterRestClient(configKey = "review")
@RegisterClientHeaders(SignedInBearer.class)
@Path("/api/v1")
public interface ReviewAuditApi {

    /** {@code from} inclusive, {@code to} exclusive; dates ({@code to} covers its day) or RFC 3339 UTC times. */
    @GET
    @Path("/transparency/report")
    Uni<TransparencyFigures> transparencyReport(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/statements-of-reasons/submissions")
    Uni<SubmissionStatus> submissions();

    /** Oldest first; every filter optional. */
    @GET
    @Path("/audit-log")
    Uni<Paged<AuditEntry>> auditLog(
            @QueryParam("caseId") String caseId,
            @QueryParam("actor") String actor,
            @QueryParam("entityId") String entityId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);
}
