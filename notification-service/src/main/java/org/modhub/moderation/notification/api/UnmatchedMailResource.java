package org.modhub.moderation.notification.api;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.kit.validation.Params;
import org.modhub.moderation.notification.domain.UnmatchedMailService;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Mail no service owns (feedback@ mail on no thread of ours), kept for staff: staff read and mark it handled, auditors
 * read it. It holds senders' addresses and words, so no other role sees it.
 */
@Path("/api/v1/mail/unmatched")
@Produces(MediaType.APPLICATION_JSON)
public class UnmatchedMailResource {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    private final UnmatchedMailService mails;
    private final SecurityIdentity identity;

    public UnmatchedMailResource(UnmatchedMailService mails, SecurityIdentity identity) {
        this.mails = mails;
        this.identity = identity;
    }

    /** Newest first, keyset-paged. */
    @GET
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR})
    public Uni<Page<UnmatchedMailSummary>> list(
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Params.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        return mails.list(PageCursor.decode(cursor), size + 1)
                .map(rows -> Page.of(
                        rows, size, mail -> new PageCursor(mail.receivedAt, mail.id), UnmatchedMailSummary::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR})
    public Uni<UnmatchedMailResponse> get(@PathParam("id") String id) {
        return mails.get(Params.id(id, "Unmatched mail")).map(UnmatchedMailResponse::of);
    }

    /** Marks the mail handled by the caller (audited); marking it again changes nothing. */
    @POST
    @Path("/{id}/handled")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN})
    public Uni<UnmatchedMailResponse> markHandled(@PathParam("id") String id) {
        return mails.markHandled(
                        Params.id(id, "Unmatched mail"), Caller.of(identity).id())
                .map(UnmatchedMailResponse::of);
    }
}
