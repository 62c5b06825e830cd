package org.modhub.moderation.console.services;

import java.util.List;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * appeals-service's ledger of data subjects' requests (GDPR Arts. 15 and 17), with the signed-in person's token:
 * legal and admins record requests and download their documents, auditors read them (the service refuses the rest).
 */
@RegisterRestClient(configKey = "appeals")
@RegisterClientHeaders(SignedInBearer.class)
@Path("/api/v1/privacy/requests")
public interface PrivacyApi {

    /** A new request as the form sends it; the service checks every field and names the one it refuses. */
    record NewRequest(String kind, String accountId, List<String> emails, String note) {}

    @GET
    Uni<Paged<PrivacyRequest>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    @GET
    @Path("/{id}")
    Uni<PrivacyRequest> get(@PathParam("id") String id);

    @POST
    Uni<PrivacyRequest> create(NewRequest request);

    /** The document for the person, as the service wrote it (read as text, so it is passed on byte for byte). */
    @GET
    @Path("/{id}/document")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> document(@PathParam("id") String id);
}
