package org.modhub.moderation.dmca.api;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.dmca.api.Requests.EvidenceConfirmation;
import org.modhub.moderation.dmca.api.Requests.EvidenceDismissal;
import org.modhub.moderation.dmca.domain.ThreadMailService;
import org.modhub.moderation.dmca.persistence.ThreadMailEntity;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.kit.validation.Params;

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

/**
 * The claimant's court-action evidence that came by mail on a notice's thread: legal lists what
 * awaits confirmation, confirms it (the restoration clock stops, as for a court action entered by
 * REST) or dismisses it.
 */
@Path("/api/v1/dmca")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EvidenceResource {

    private static final int MAX_PAGE = 100;
    private static final List<String> STATUSES =
            List.of(ThreadMailEntity.AWAITING_CONFIRMATION, ThreadMailEntity.CONFIRMED, ThreadMailEntity.DISMISSED);

    private final ThreadMailService threadMails;
    private final TakedownRequestChecks checks;
    private final SecurityIdentity identity;

    public EvidenceResource(ThreadMailService threadMails, TakedownRequestChecks checks, SecurityIdentity identity) {
        this.threadMails = threadMails;
        this.checks = checks;
        this.identity = identity;
    }

    /** Mailed evidence of one status (default: awaiting confirmation), oldest first; {@code nextCursor} continues. */
    @GET
    @Path("/evidence")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    public Uni<Page<Views.ThreadMailView>> list(
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        String s = status == null || status.isBlank()
                ? ThreadMailEntity.AWAITING_CONFIRMATION
                : status.strip().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(s)) {
            throw ProblemException.invalidField("query.status", "must be one of " + STATUSES);
        }
        PageCursor after = PageCursor.decode(cursor);
        int size = Params.limit(limit, 50, MAX_PAGE);
        return threadMails
                .list(ThreadMailEntity.COURT_ACTION_EVIDENCE, s, after, size + 1)
                .map(rows -> Page.of(rows, size, ThreadMailService::cursorOf, Views.ThreadMailView::of));
    }

    /** Legal confirms the evidence as a court action: no restoration; the uploader is told. */
    @POST
    @Path("/evidence/{id}/confirm")
    @RolesAllowed(Roles.LEGAL)
    public Uni<Views.ThreadMailView> confirm(@PathParam("id") String id, EvidenceConfirmation request) {
        UUID evidenceId = Params.id(id, "Evidence");
        var action = checks.confirmation(request);
        return threadMails
                .confirm(
                        evidenceId,
                        request.counterNoticeId(),
                        action,
                        Caller.of(identity).id())
                .map(Views.ThreadMailView::of);
    }

    /** Legal finds the mail is no evidence of a court action; a clock held for it restores the content. */
    @POST
    @Path("/evidence/{id}/dismiss")
    @RolesAllowed(Roles.LEGAL)
    public Uni<Views.ThreadMailView> dismiss(@PathParam("id") String id, EvidenceDismissal request) {
        UUID evidenceId = Params.id(id, "Evidence");
        String reason = checks.dismissal(request);
        return threadMails.dismiss(evidenceId, reason, Caller.of(identity).id()).map(Views.ThreadMailView::of);
    }
}
