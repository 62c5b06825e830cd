package org.modhub.moderation.console.services;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** appeals-service's appellants (DSA Art. 23(2)): standing and lifting a suspension. Not the appeals themselves. */
@RegisterRestClient(configKey = "appeals")
@RegisterClientHeaders(SignedInBearer.class)
@Path("/api/v1/appellants/{appellant}")
public interface AppellantsApi {

    @GET
    Uni<AppellantStanding> standing(@PathParam("appellant") String appellant);

    @POST
    @Path("/lift")
    Uni<AppellantStanding> lift(@PathParam("appellant") String appellant, LiftBody body);
}
