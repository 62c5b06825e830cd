package org.modhub.moderation.console.appeals;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.console.services.Appeal;
import org.modhub.moderation.console.services.AppealsApi;
import org.modhub.moderation.console.services.Decision;
import org.modhub.moderation.console.services.Paged;
import org.modhub.moderation.console.services.ReviewDecisionsApi;
import org.modhub.moderation.console.web.SignedIn;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.appeals.AppealOutcome;

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
 * The appeal queue (DSA Art. 20), one appeal beside the decision it contests, and its resolution. Who took or
 * approved the decision does not see the form (appeals-service refuses them anyway, and the page shows that).
 */
@Path("/appeals")
@Produces(MediaType.TEXT_HTML)
public class AppealsResource {

    static final int PAGE_SIZE = 50;
    static final List<String> STATUSES = List.of("OPEN", "RESOLVED");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(Paged<Appeal> page, String status, List<String> statuses, String next);

        static native TemplateInstance appeal(
                Appeal appeal,
                Decision decision,
                Reviewer reviewer,
                List<AppealOutcome> outcomes,
                List<ModerationAction> actions);

        static native TemplateInstance appeal$resolved(Appeal appeal);
    }

    /** Whether the signed-in person may resolve this appeal, and if not, why (shown instead of the form). */
    public record Reviewer(boolean mayResolve, String why) {

        static Reviewer of(SignedIn me, Appeal appeal, Decision decision) {
            if (!appeal.open()) {
                return new Reviewer(false, "This appeal was decided.");
            }
            if (!me.hasAny(Roles.LEGAL, Roles.SENIOR_MODERATOR)) {
                return new Reviewer(false, "Only legal staff and senior moderators resolve appeals.");
            }
            if (decision != null && decision.involves(me.id())) {
                return new Reviewer(
                        false,
                        "You took or approved the decision this appeal contests: another reviewer must decide it.");
            }
            if (me.id().equals(appeal.appellantId())) {
                return new Reviewer(false, "You filed this appeal: another reviewer must decide it.");
            }
            return new Reviewer(true, null);
        }
    }

    @Inject
    @RestClient
    AppealsApi appeals;

    @Inject
    @RestClient
    ReviewDecisionsApi review;

    @Inject
    SignedIn me;

    @GET
    public Uni<TemplateInstance> queue(@QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        String wanted = status == null || status.isBlank() ? "OPEN" : status;
        return appeals.queue(wanted, blankToNull(cursor), PAGE_SIZE)
                .map(page -> Templates.queue(page, wanted, STATUSES, next(wanted, page.nextCursor())));
    }

    @GET
    @Path("/{id}")
    public Uni<TemplateInstance> appeal(@PathParam("id") String id) {
        return appeals.appeal(id)
                .chain(appeal -> review.decision(appeal.decisionId())
                        // The appeal stays readable if review-service cannot show the decision; the form then relies on
                        // appeals-service's own check of who took part.
                        .onFailure()
                        .recoverWithNull()
                        .map(decision -> Templates.appeal(
                                appeal,
                                decision,
                                Reviewer.of(me, appeal, decision),
                                Arrays.asList(AppealOutcome.values()),
                                Arrays.asList(ModerationAction.values()))));
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<RestResponse<TemplateInstance>> resolve(
            @PathParam("id") String id,
            @FormParam("outcome") String outcome,
            @FormParam("newActions") List<String> newActions,
            @FormParam("explanation") String explanation,
            @FormParam("manifestlyUnfounded") String manifestlyUnfounded) {
        AppealsApi.Resolution resolution = new AppealsApi.Resolution(
                outcome, newActions == null ? List.of() : newActions, explanation, "true".equals(manifestlyUnfounded));
        // The whole page changes with a resolution (its status, the decision's fate), so htmx reloads it.
        return appeals.resolve(id, resolution)
                .map(resolved -> RestResponse.ResponseBuilder.ok(Templates.appeal$resolved(resolved))
                        .header("HX-Refresh", "true")
                        .build());
    }

    static String next(String status, String cursor) {
        return cursor == null
                ? null
                : "/appeals?status=" + status + "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
