package org.modhub.moderation.console.services;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

/**
 * matching-service's hash bank as the console calls it, with the signed-in person's token: legal and admins import
 * and withdraw lists, auditors read them, every staff member may look a hash up (the service refuses the rest).
 */
@RegisterRestClient(configKey = "matching")
@RegisterClientHeaders(SignedInBearer.class)
@Path("/api/v1/bank")
public interface MatchingApi {

    String CSV = "text/csv";

    @GET
    @Path("/stats")
    Uni<BankStats> stats();

    @GET
    @Path("/imports")
    Uni<Paged<BankImport>> imports(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit);

    /** The list as uploaded, byte for byte: the service parses it and names the line and column it refuses. */
    @POST
    @Path("/imports")
    @Consumes(CSV)
    Uni<BankImport> importCsv(byte[] csv);

    @DELETE
    @Path("/imports/{id}")
    Uni<BankImport> withdraw(@PathParam("id") String id);

    @GET
    @Path("/hashes/{sha256}")
    Uni<BankHash> hash(@PathParam("sha256") String sha256);

    /** The active entries as CSV, chunk by chunk as the service streams them: never held whole in the console. */
    @GET
    @Path("/export")
    @Produces(CSV)
    @ClientHeaderParam(name = "Accept", value = CSV)
    Multi<byte[]> export(@QueryParam("origin") String origin);
}
