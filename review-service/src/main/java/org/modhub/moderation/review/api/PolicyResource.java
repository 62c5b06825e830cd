package org.modhub.moderation.review.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.Params;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.domain.PolicyService;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Policy versions: admins post them; anyone may read which version is in force (the policy is public). */
@Path("/api/v1/policy-versions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    private final PolicyService policies;
    private final ReviewConfig config;
    private final Views views;
    private final SecurityIdentity identity;
    private final Clock clock;

    public PolicyResource(
            PolicyService policies, ReviewConfig config, Views views, SecurityIdentity identity, Clock clock) {
        this.policies = policies;
        this.config = config;
        this.views = views;
        this.identity = identity;
        this.clock = clock;
    }

    /** Posts a version; its effective date must be at least ten days away. */
    @POST
    @RolesAllowed(Roles.ADMIN)
    public Uni<RestResponse<Views.PolicyVersionView>> post(Requests.PolicyVersionRequest request) {
        Requests.ValidPolicyVersion v =
                Requests.required(request).valid(config.limits().maxText());
        return policies.post(
                        v.version(),
                        v.title(),
                        v.url(),
                        v.summary(),
                        v.effectiveAt(),
                        Caller.of(identity).id())
                .map(p -> RestResponse.status(RestResponse.Status.CREATED, views.policy(p)));
    }

    @GET
    @PermitAll
    public Uni<List<Views.PolicyVersionView>> all() {
        return policies.all().map(rows -> rows.stream().map(views::policy).toList());
    }

    /** The version in force now. */
    @GET
    @Path("/current")
    @PermitAll
    public Uni<Views.PolicyVersionView> current() {
        return policies.inForceAt(clock.instant()).map(views::policy);
    }

    /** The version in force at a date ({@code 2026-01-31}) or time. */
    @GET
    @Path("/in-force")
    @PermitAll
    public Uni<Views.PolicyVersionView> inForce(@QueryParam("at") String at) {
        Instant when = Params.instant(at, "at");
        if (when == null) {
            throw ProblemException.invalidField("query.at", "is required");
        }
        return policies.inForceAt(when).map(views::policy);
    }
}
