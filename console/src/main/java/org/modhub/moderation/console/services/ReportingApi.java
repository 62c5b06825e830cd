package org.modhub.moderation.console.services;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * reporting-service as the People pages call it: a notifier's standing (DSA Art. 22, 23) and staff's actions
 * on it. A notifier is {@code user:<account id>} or {@code email:<address>}.
 */
@RegisterRestClient(configKey = "reporting")
@RegisterClientHeaders(SignedInBearer.class)
@Path("/api/v1/notifiers/{notifier}")
public interface ReportingApi {

    @GET
    Uni<NotifierStanding> standing(@PathParam("notifier") String notifier);

    /** {@code action} is one of warn, suspend, lift, mute, unmute: the service's path for it. */
    @POST
    @Path("/{action}")
    Uni<NotifierStanding> act(
            @PathParam("notifier") String notifier, @PathParam("action") String action, StaffActionBody body);

    @PUT
    @Path("/trusted-flagger")
    Uni<NotifierStanding> markTrusted(@PathParam("notifier") String notifier);

    @DELETE
    @Path("/trusted-flagger")
    Uni<NotifierStanding> unmarkTrusted(@PathParam("notifier") String notifier);
}
