package org.modhub.moderation.console.dmca;

import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.modhub.moderation.console.dmca.DmcaViews.CourtActionForm;
import org.modhub.moderation.console.dmca.DmcaViews.Takedown;
import org.modhub.moderation.console.services.DmcaApi;
import org.modhub.moderation.console.services.Paged;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Takedowns and their restoration clocks: after a counter-notice the content comes back on the 10th–14th
 * U.S. business day unless the claimant shows a court action, which legal enters here. The countdown is
 * the service's, by its own business-day calendar; the console never counts holidays itself.
 */
@Path("/dmca/takedowns")
@Produces(MediaType.TEXT_HTML)
public class DmcaTakedownsResource {

    static final List<String> STATUSES = List.of("AWAITING_REMOVAL", "IN_FORCE", "COUNTERED", "UPHELD", "RESTORED");
    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance takedowns(Paged<Takedown> page, String status, List<String> statuses);

        static native TemplateInstance takedowns$row(Takedown t);
    }

    private final DmcaApi dmca;

    public DmcaTakedownsResource(@RestClient DmcaApi dmca) {
        this.dmca = dmca;
    }

    /** Without a status in the address: the running clocks (countered takedowns); "any" is an empty value. */
    @GET
    public Uni<TemplateInstance> takedowns(@QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        String wanted = status == null ? "COUNTERED" : status;
        return dmca.takedowns(DmcaForms.blankToNull(wanted), DmcaForms.blankToNull(cursor), PAGE_SIZE)
                .map(page -> Templates.takedowns(page, wanted, STATUSES));
    }

    /** The claimant's court action stops the clock; the row comes back as the service now sees it. */
    @POST
    @Path("/{takedownId}/court-action")
    public Uni<TemplateInstance> courtAction(
            @PathParam("takedownId") String takedownId,
            @RestForm String noticeId,
            @RestForm String counterNoticeId,
            @RestForm String court,
            @RestForm String caseNumber,
            @RestForm String filedOn,
            @RestForm String documentUrl,
            @RestForm String note) {
        CourtActionForm action = new CourtActionForm(
                DmcaForms.blankToNull(court),
                DmcaForms.blankToNull(caseNumber),
                DmcaForms.blankToNull(filedOn),
                DmcaForms.blankToNull(documentUrl),
                DmcaForms.blankToNull(note));
        return dmca.courtAction(counterNoticeId, action)
                .chain(() -> dmca.notice(noticeId))
                .map(notice -> notice.takedowns().stream()
                        .filter(t -> t.id().equals(takedownId))
                        .findFirst()
                        .orElseThrow(() ->
                                new NotFoundException("Takedown " + takedownId + " is not on notice " + noticeId)))
                .map(Templates::takedowns$row);
    }
}
