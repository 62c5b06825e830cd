package org.modhub.moderation.console.services;

import java.util.List;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** appeals-service as the appeal and dispute pages call it. */
@RegisterRestClient(configKey = "appeals")
@RegisterClientHeaders(SignedInBearer.class)
@Path("/api/v1")
public interface AppealsApi {

    /** A reviewer's decision on an appeal (outcome UPHELD, REVERSED or MODIFIED). */
    record Resolution(String outcome, List<String> newActions, String explanation, Boolean manifestlyUnfounded) {}

    /** How a dispute ended, as the settlement body decided. */
    record DisputeEnding(String outcome, String settledOn, Boolean implemented, String implementedOn) {}

    @GET
    @Path("/appeals")
    Uni<Paged<Appeal>> queue(
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/appeals/{id}")
    Uni<Appeal> appeal(@PathParam("id") String id);

    @POST
    @Path("/appeals/{id}/resolve")
    Uni<Appeal> resolve(@PathParam("id") String id, Resolution resolution);

    @GET
    @Path("/appeals/figures")
    Uni<RedressFigures.Appeals> appealFigures();

    @GET
    @Path("/disputes")
    Uni<Paged<Dispute>> disputes(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    /** A dispute brought before a certified settlement body (dates as 2026-01-31). */
    record NewDispute(String decisionId, String appealId, String body, String submittedOn, String notes) {}

    @POST
    @Path("/disputes")
    Uni<Dispute> recordDispute(NewDispute dispute);

    @POST
    @Path("/disputes/{id}/outcome")
    Uni<Dispute> endDispute(@PathParam("id") String id, DisputeEnding ending);

    @GET
    @Path("/disputes/figures")
    Uni<RedressFigures.Disputes> disputeFigures(@QueryParam("from") String from, @QueryParam("to") String to);
}
