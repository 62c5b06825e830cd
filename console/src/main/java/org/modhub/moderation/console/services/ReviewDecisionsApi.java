package org.modhub.moderation.console.services;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * review-service's decisions as the approval, changes-requested and appeal pages read them, typed: four-eyes
 * approval and rejection, and a case's decisions and owner requests.
 */
@RegisterRestClient(configKey = "review")
@RegisterClientHeaders(SignedInBearer.class)
@Path("/api/v1")
public interface ReviewDecisionsApi {

    /** A reason, as review-service's reject takes it. */
    record Reason(String reason) {}

    @GET
    @Path("/decisions/pending-approval")
    Uni<Paged<Decision>> pendingApproval(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("/decisions/{id}")
    Uni<Decision> decision(@PathParam("id") String id);

    @POST
    @Path("/decisions/{id}/approve")
    Uni<Decision> approve(@PathParam("id") String id);

    @POST
    @Path("/decisions/{id}/reject")
    Uni<Decision> reject(@PathParam("id") String id, Reason reason);

    @GET
    @Path("/cases")
    Uni<Paged<CaseSummary>> cases(
            @QueryParam("state") String state,
            @QueryParam("assignee") String assignee,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/cases/{id}")
    Uni<CaseWork> caseWork(@PathParam("id") String id);
}
