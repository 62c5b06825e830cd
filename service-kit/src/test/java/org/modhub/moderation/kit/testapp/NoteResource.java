package org.modhub.moderation.kit.testapp;

import java.util.Map;
import java.util.UUID;

import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/kit-test/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    private final NoteService notes;
    private final SecurityIdentity identity;

    public NoteResource(NoteService notes, SecurityIdentity identity) {
        this.notes = notes;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("user")
    public Uni<Map<String, Object>> create(@Valid NoteRequest request) {
        return notes.write("group-" + Caller.of(identity).id(), request.text(), false)
                .map(id -> Map.of("id", id, "text", request.text()));
    }

    @POST
    @Path("/checked")
    @RolesAllowed("user")
    public Uni<String> checkedInChain(NoteRequest request) {
        // No @Valid here: validation happens in the service, inside the Uni chain.
        return Uni.createFrom().voidItem().chain(() -> notes.checked(request, "g"));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed("user")
    public Uni<Map<String, Object>> get(@PathParam("id") UUID id) {
        return Uni.createFrom().failure(ProblemException.notFound("Note", id));
    }

    @GET
    @Path("/owned/{owner}")
    @RolesAllowed({"user", "moderator"})
    public Map<String, String> owned(@PathParam("owner") String owner) {
        Caller.of(identity).requireOwnerOrStaff("Note", owner + "-note", owner);
        return Map.of("owner", owner);
    }

    @GET
    @Path("/staff-only")
    @RolesAllowed("moderator")
    public Map<String, String> staffOnly() {
        return Map.of("ok", "yes");
    }

    @GET
    @Path("/page")
    @PermitAll
    public Map<String, Integer> page(@QueryParam("limit") @Min(1) @Max(100) int limit) {
        return Map.of("limit", limit);
    }

    @GET
    @Path("/held")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    public Uni<String> held() {
        return HeldRequests.hold();
    }

    @GET
    @Path("/boom")
    @PermitAll
    public Uni<String> boom() {
        return Uni.createFrom().failure(new IllegalStateException("db password is hunter2"));
    }

    @POST
    @Path("/conflict")
    @RolesAllowed("user")
    public Uni<String> conflict() {
        throw ProblemException.conflict("The note is already published");
    }

    @POST
    @Path("/too-often")
    @RolesAllowed("user")
    public Uni<String> tooOften() {
        throw ProblemException.rateLimited(
                        "note-rate-limited", "Too many notes this hour", java.time.Duration.ofSeconds(90))
                .with("limit", 10);
    }
}
