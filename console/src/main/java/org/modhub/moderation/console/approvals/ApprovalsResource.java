package org.modhub.moderation.console.approvals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.Decision;
import org.modhub.moderation.console.services.Paged;
import org.modhub.moderation.console.services.ReviewDecisionsApi;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Four eyes: decisions waiting for a senior moderator, with what was decided and by whom, and approve or
 * reject with a reason. The buttons are hidden on one's own decisions; review-service refuses them anyway,
 * and that refusal is what the page shows if one is sent.
 */
@Path("/approvals")
@Produces(MediaType.TEXT_HTML)
public class ApprovalsResource {

    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance approvals(Paged<Decision> page, String next);

        static native TemplateInstance approvals$decision(Decision d);

        static native TemplateInstance approvals$settled(Decision d);
    }

    @Inject
    @RestClient
    ReviewDecisionsApi review;

    @GET
    public Uni<TemplateInstance> approvals(@QueryParam("cursor") String cursor) {
        return review.pendingApproval(blankToNull(cursor), PAGE_SIZE)
                .map(page -> Templates.approvals(page, next(page.nextCursor())));
    }

    @POST
    @Path("/{id}/approve")
    public Uni<TemplateInstance> approve(@PathParam("id") String id) {
        return review.approve(id).map(Templates::approvals$settled);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> reject(@PathParam("id") String id, @FormParam("reason") String reason) {
        // A blank reason goes to the service as it is: its 400 names the field, and the page shows it.
        return review.reject(id, new ReviewDecisionsApi.Reason(reason)).map(Templates::approvals$settled);
    }

    /** The address of the next page, or null on the last. */
    static String next(String cursor) {
        return cursor == null ? null : "/approvals?cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
