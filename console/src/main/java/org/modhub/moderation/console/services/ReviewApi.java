package org.modhub.moderation.console.services;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * review-service as the console calls it. Answers are read into the console's own records (unknown fields
 * ignored, so a service may add fields freely); what a page only passes through stays a JSON map.
 */
@RegisterRestClient(configKey = "review")
@RegisterClientHeaders(SignedInBearer.class)
@Path("/api/v1")
public interface ReviewApi {

    @GET
    @Path("/cases")
    Uni<Paged<CaseSummary>> cases(
            @QueryParam("state") String state,
            @QueryParam("category") String category,
            @QueryParam("priority") String priority,
            @QueryParam("assignee") String assignee,
            @QueryParam("overdue") String overdue,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/cases/{id}")
    Uni<CaseDetail> caseDetail(@PathParam("id") String id);

    @GET
    @Path("/cases/{id}/subject")
    Uni<SubjectFacts> subject(@PathParam("id") String id);

    @POST
    @Path("/cases/{id}/claim")
    Uni<CaseSummary> claim(@PathParam("id") String id);

    @POST
    @Path("/cases/{id}/release")
    Uni<CaseSummary> release(@PathParam("id") String id);

    @POST
    @Path("/cases/{id}/escalate")
    Uni<CaseSummary> escalate(@PathParam("id") String id, Map<String, Object> body);

    @POST
    @Path("/cases/{id}/notes")
    Uni<CaseDetail.Note> note(@PathParam("id") String id, Map<String, Object> body);

    @POST
    @Path("/cases/{id}/decisions")
    Uni<CaseDetail.Decision> decide(@PathParam("id") String id, Map<String, Object> body);

    /** What the decision would send, checked as deciding checks it; writes nothing. */
    @POST
    @Path("/cases/{id}/decisions/preview")
    Uni<DecisionPreview> previewDecision(@PathParam("id") String id, Map<String, Object> body);

    @GET
    @Path("/decisions/{id}")
    Uni<Map<String, Object>> decision(@PathParam("id") String id);

    @GET
    @Path("/decisions/pending-approval")
    Uni<Map<String, Object>> pendingApproval(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @POST
    @Path("/decisions/{id}/approve")
    Uni<Map<String, Object>> approve(@PathParam("id") String id);

    @POST
    @Path("/decisions/{id}/reject")
    Uni<Map<String, Object>> reject(@PathParam("id") String id, Map<String, Object> body);

    @GET
    @Path("/subjects/{key}/restrictions")
    Uni<List<Map<String, Object>>> restrictions(@PathParam("key") String subjectKey);
}
