package org.modhub.moderation.console.services;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.modhub.moderation.console.dmca.DmcaViews.CounterNotice;
import org.modhub.moderation.console.dmca.DmcaViews.CourtActionForm;
import org.modhub.moderation.console.dmca.DmcaViews.Decision;
import org.modhub.moderation.console.dmca.DmcaViews.Evidence;
import org.modhub.moderation.console.dmca.DmcaViews.EvidenceConfirmation;
import org.modhub.moderation.console.dmca.DmcaViews.EvidenceDismissal;
import org.modhub.moderation.console.dmca.DmcaViews.Notice;
import org.modhub.moderation.console.dmca.DmcaViews.NoticeOwners;
import org.modhub.moderation.console.dmca.DmcaViews.NoticeSummary;
import org.modhub.moderation.console.dmca.DmcaViews.Strikes;
import org.modhub.moderation.console.dmca.DmcaViews.Takedown;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * dmca-service as the console calls it, with the signed-in person's token: legal decides, an admin
 * only reads (the service refuses the rest, and the page shows that refusal).
 */
@RegisterRestClient(configKey = "dmca")
@RegisterClientHeaders(SignedInBearer.class)
@Path("/api/v1/dmca")
public interface DmcaApi {

    @GET
    @Path("/notices")
    Uni<Paged<NoticeSummary>> notices(
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/notices/{id}")
    Uni<Notice> notice(@PathParam("id") String id);

    @GET
    @Path("/notices/{id}/owners")
    Uni<NoticeOwners> owners(@PathParam("id") String id);

    @POST
    @Path("/notices/{id}/decision")
    Uni<Notice> decide(@PathParam("id") String id, Decision decision);

    @GET
    @Path("/takedowns")
    Uni<Paged<Takedown>> takedowns(
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @POST
    @Path("/counter-notices/{id}/court-action")
    Uni<CounterNotice> courtAction(@PathParam("id") String counterNoticeId, CourtActionForm action);

    @GET
    @Path("/evidence")
    Uni<Paged<Evidence>> evidence(
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @POST
    @Path("/evidence/{id}/confirm")
    Uni<Evidence> confirmEvidence(@PathParam("id") String id, EvidenceConfirmation confirmation);

    @POST
    @Path("/evidence/{id}/dismiss")
    Uni<Evidence> dismissEvidence(@PathParam("id") String id, EvidenceDismissal dismissal);

    @GET
    @Path("/strikes/{account}")
    Uni<Strikes> strikes(@PathParam("account") String account);
}
