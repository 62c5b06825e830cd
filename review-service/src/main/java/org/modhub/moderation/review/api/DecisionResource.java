package org.modhub.moderation.review.api;

import java.util.List;
import java.util.UUID;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.subject.SubjectRef;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.kit.validation.Params;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.domain.DecisionService;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Decisions and their statements of reasons, four-eyes approval, and the ledger per subject. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionResource {

    private final DecisionService decisions;
    private final ReviewConfig config;
    private final Views views;
    private final SecurityIdentity identity;

    public DecisionResource(DecisionService decisions, ReviewConfig config, Views views, SecurityIdentity identity) {
        this.decisions = decisions;
        this.config = config;
        this.views = views;
        this.identity = identity;
    }

    /** A decision with its statement of reasons: for staff, auditors and the owner it concerns; anyone else 404. */
    @GET
    @Path("/decisions/{id}")
    @Authenticated
    public Uni<Views.DecisionView> get(@PathParam("id") String id) {
        UUID decisionId = Params.id(id, "Decision");
        Caller caller = Caller.of(identity);
        return decisions.get(decisionId).map(d -> {
            if (caller.hasRole(Roles.AUDITOR) || caller.isStaff()) {
                return views.decision(d);
            }
            caller.requireOwner("Decision", decisionId, d.ownerId);
            // The owner learns what was decided and why, never which staff member decided it.
            return views.decisionForOwner(d);
        });
    }

    /** Decisions waiting for a second pair of eyes, oldest first; {@code nextCursor} continues. */
    @GET
    @Path("/decisions/pending-approval")
    @RolesAllowed(Roles.SENIOR_MODERATOR)
    public Uni<Page<Views.DecisionView>> pending(
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Params.limit(
                limit, config.limits().defaultPage(), config.limits().maxPage());
        return decisions
                .pendingApprovals(PageCursor.decode(cursor), size + 1)
                .map(rows -> Page.of(rows, size, d -> new PageCursor(d.createdAt, d.id), views::decision));
    }

    /** A senior moderator who is not the decider approves: the decision takes effect. */
    @POST
    @Path("/decisions/{id}/approve")
    @RolesAllowed(Roles.SENIOR_MODERATOR)
    public Uni<Views.DecisionView> approve(@PathParam("id") String id) {
        return decisions
                .approve(Params.id(id, "Decision"), Caller.of(identity).id())
                .map(views::decision);
    }

    /** A senior moderator who is not the decider rejects with a reason: the case returns to the queue. */
    @POST
    @Path("/decisions/{id}/reject")
    @RolesAllowed(Roles.SENIOR_MODERATOR)
    public Uni<Views.DecisionView> reject(@PathParam("id") String id, Requests.ReasonRequest request) {
        UUID decisionId = Params.id(id, "Decision");
        String reason = Requests.required(request).valid(config.limits().maxText());
        return decisions.reject(decisionId, Caller.of(identity).id(), reason).map(views::decision);
    }

    /**
     * The restrictions standing on a subject, each with the decision behind it. The key is the
     * subject key (e.g. {@code model:acme/llama-7b}; encode {@code #} as {@code %23}).
     */
    @GET
    @Path("/subjects/{key: .+}/restrictions")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR})
    public Uni<List<Views.RestrictionView>> restrictions(@PathParam("key") String key) {
        String subject;
        try {
            subject = SubjectRef.parse(key).key();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("path.key", e.getMessage());
        }
        return decisions
                .standing(subject)
                .map(rows -> rows.stream().map(views::restriction).toList());
    }
}
