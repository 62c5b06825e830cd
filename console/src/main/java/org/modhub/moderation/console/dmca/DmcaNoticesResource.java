package org.modhub.moderation.console.dmca;

import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.modhub.moderation.console.dmca.DmcaViews.Decision;
import org.modhub.moderation.console.dmca.DmcaViews.Notice;
import org.modhub.moderation.console.dmca.DmcaViews.NoticeOwners;
import org.modhub.moderation.console.services.DmcaApi;
import org.modhub.moderation.console.services.Paged;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

/**
 * Legal's notice queue and one notice: each 512(c)(3)(A) element as the service checked it, the abuse
 * signals, the subjects' owners, and accept or reject. The service decides who may; this page asks.
 */
@Path("/dmca")
@Produces(MediaType.TEXT_HTML)
public class DmcaNoticesResource {

    static final List<String> STATUSES = List.of("PENDING_REVIEW", "INCOMPLETE", "ACCEPTED", "REJECTED", "SUPERSEDED");
    static final List<String> REJECTION_REASONS =
            List.of("INSUFFICIENT", "FAIR_USE_EVIDENT", "NOT_HOSTED_HERE", "ABUSIVE_OR_FRAUDULENT");
    /** Each row shows the notice in full (checks, signals), one call each: a page stays short. */
    static final int PAGE_SIZE = 25;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance queue(
                List<Notice> notices, String status, String nextCursor, List<String> statuses);

        static native TemplateInstance notice(
                Notice notice, NoticeOwners owners, String ownersProblem, List<String> reasons, String done);

        static native TemplateInstance notice$outcome(
                Notice notice, NoticeOwners owners, String ownersProblem, List<String> reasons, String done);
    }

    private final DmcaApi dmca;

    public DmcaNoticesResource(@RestClient DmcaApi dmca) {
        this.dmca = dmca;
    }

    @GET
    public Uni<TemplateInstance> queue(@QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        String wanted = status == null || status.isBlank() ? "PENDING_REVIEW" : status;
        return dmca.notices(wanted, DmcaForms.blankToNull(cursor), PAGE_SIZE)
                .chain(page ->
                        details(page).map(notices -> Templates.queue(notices, wanted, page.nextCursor(), STATUSES)));
    }

    private Uni<List<Notice>> details(Paged<DmcaViews.NoticeSummary> page) {
        if (page.items().isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<Notice>> calls =
                page.items().stream().map(s -> dmca.notice(s.id())).toList();
        return Uni.join().all(calls).andFailFast();
    }

    @GET
    @Path("/notices/{id}")
    public Uni<TemplateInstance> notice(@PathParam("id") String id) {
        return dmca.notice(id)
                .chain(notice -> owners(notice)
                        .map(owners ->
                                Templates.notice(notice, owners.owners(), owners.problem(), REJECTION_REASONS, null)));
    }

    /** Legal's decision; the outcome (takedowns ordered, or the rejection) replaces the form. */
    @POST
    @Path("/notices/{id}/decision")
    public Uni<TemplateInstance> decide(
            @PathParam("id") String id,
            @RestForm String decision,
            @RestForm("owner") List<String> owners,
            @RestForm String reason,
            @RestForm String explanation,
            @RestForm String note) {
        boolean accept = "ACCEPT".equals(decision);
        Decision body = new Decision(
                decision,
                accept ? DmcaForms.owners(owners) : null,
                accept ? null : DmcaForms.blankToNull(reason),
                accept ? null : DmcaForms.blankToNull(explanation),
                DmcaForms.blankToNull(note));
        return dmca.decide(id, body)
                .map(notice -> Templates.notice$outcome(
                        notice,
                        null,
                        null,
                        REJECTION_REASONS,
                        accept
                                ? "Accepted: " + notice.takedowns().size()
                                        + " takedown(s) ordered; the claimant is told."
                                : "Rejected (" + notice.rejectionReason() + "); the claimant is told."));
    }

    private record OwnersOrProblem(NoticeOwners owners, String problem) {}

    /**
     * The owners to choose among, asked only while the notice waits for a decision. The hub directory
     * being down must not hide the notice: the page says so and the service will refuse an acceptance.
     */
    private Uni<OwnersOrProblem> owners(Notice notice) {
        if (!notice.pending()) {
            return Uni.createFrom().item(new OwnersOrProblem(null, null));
        }
        return dmca.owners(notice.id())
                .map(o -> new OwnersOrProblem(o, null))
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> {
                    Log.debugf("owners of notice %s: %s", notice.id(), e.getMessage());
                    int status = ((WebApplicationException) e).getResponse().getStatus();
                    return new OwnersOrProblem(
                            null,
                            "The hub directory did not give the owners (dmca-service answered " + status
                                    + "); accepting now would be refused. Reload in a moment.");
                });
    }
}
