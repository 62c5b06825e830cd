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

/** notification-service for the Mail pages: the delivery log, unmatched inbound mail, templates and previews. */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(SignedInBearer.class)
@Path("/api/v1")
public interface NotificationApi {

    @GET
    @Path("/deliveries")
    Uni<Paged<Delivery>> deliveries(
            @QueryParam("recipient") String recipient,
            @QueryParam("status") String status,
            @QueryParam("templateId") String templateId,
            @QueryParam("threadKey") String threadKey,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/deliveries/{id}")
    Uni<Delivery> delivery(@PathParam("id") String id);

    @GET
    @Path("/mail/unmatched")
    Uni<Paged<UnmatchedMailSummary>> unmatched(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("/mail/unmatched/{id}")
    Uni<UnmatchedMail> unmatchedMail(@PathParam("id") String id);

    @POST
    @Path("/mail/unmatched/{id}/handled")
    Uni<UnmatchedMail> markHandled(@PathParam("id") String id);

    @GET
    @Path("/templates")
    Uni<List<MailTemplateInfo>> templates();

    @POST
    @Path("/templates/{id}/preview")
    Uni<MailPreview> preview(@PathParam("id") String id, PreviewBody body);
}
