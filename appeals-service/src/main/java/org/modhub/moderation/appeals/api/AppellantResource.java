package org.modhub.moderation.appeals.api;

import java.time.Clock;

import org.modhub.moderation.appeals.domain.AppellantKey;
import org.modhub.moderation.appeals.domain.AppellantStandingService;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.security.Caller;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Appellants' standing (DSA Art. 23(2)) for staff: read it, lift a suspension. Named {@code user:<id>} or {@code email:<address>}. */
@Path("/api/v1/appellants/{appellant}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN})
public class AppellantResource {

    private final AppellantStandingService standings;
    private final AppealRequests requests;
    private final Clock clock;
    private final SecurityIdentity identity;

    public AppellantResource(
            AppellantStandingService standings, AppealRequests requests, Clock clock, SecurityIdentity identity) {
        this.identity = identity;
        this.standings = standings;
        this.requests = requests;
        this.clock = clock;
    }

    @GET
    public Uni<StandingResponse> standing(@PathParam("appellant") String appellant) {
        return standings
                .standing(AppellantKey.parse(appellant, "appellant"))
                .map(s -> AppealViews.standing(s, clock.instant()));
    }

    @POST
    @Path("/lift")
    public Uni<StandingResponse> lift(@PathParam("appellant") String appellant, LiftRequest request) {
        AppellantKey key = AppellantKey.parse(appellant, "appellant");
        return standings
                .lift(key, requests.liftReason(request), Caller.of(identity).id())
                .map(s -> AppealViews.standing(s, clock.instant()));
    }
}
