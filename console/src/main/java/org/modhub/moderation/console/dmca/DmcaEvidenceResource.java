package org.modhub.moderation.console.dmca;

import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.modhub.moderation.console.dmca.DmcaViews.Evidence;
import org.modhub.moderation.console.dmca.DmcaViews.EvidenceConfirmation;
import org.modhub.moderation.console.dmca.DmcaViews.EvidenceDismissal;
import org.modhub.moderation.console.services.DmcaApi;
import org.modhub.moderation.console.services.Paged;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Court-action evidence the claimant mailed on a notice's thread: legal confirms it (the restoration clock
 * stops) or dismisses it (a clock held for it restores the content).
 */
@Path("/dmca/evidence")
@Produces(MediaType.TEXT_HTML)
public class DmcaEvidenceResource {

    static final List<String> STATUSES = List.of("AWAITING_CONFIRMATION", "CONFIRMED", "DISMISSED");
    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance evidence(Paged<Evidence> page, String status, List<String> statuses);

        static native TemplateInstance evidence$item(Evidence e);
    }

    private final DmcaApi dmca;

    public DmcaEvidenceResource(@RestClient DmcaApi dmca) {
        this.dmca = dmca;
    }

    @GET
    public Uni<TemplateInstance> evidence(@QueryParam("status") String status, @QueryParam("cursor") String cursor) {
        String wanted = status == null || status.isBlank() ? "AWAITING_CONFIRMATION" : status;
        return dmca.evidence(wanted, DmcaForms.blankToNull(cursor), PAGE_SIZE)
                .map(page -> Templates.evidence(page, wanted, STATUSES));
    }

    @POST
    @Path("/{id}/confirm")
    public Uni<TemplateInstance> confirm(
            @PathParam("id") String id,
            @RestForm String counterNoticeId,
            @RestForm String court,
            @RestForm String caseNumber,
            @RestForm String filedOn,
            @RestForm String documentUrl,
            @RestForm String note) {
        EvidenceConfirmation confirmation = new EvidenceConfirmation(
                DmcaForms.blankToNull(counterNoticeId),
                DmcaForms.blankToNull(court),
                DmcaForms.blankToNull(caseNumber),
                DmcaForms.blankToNull(filedOn),
                DmcaForms.blankToNull(documentUrl),
                DmcaForms.blankToNull(note));
        return dmca.confirmEvidence(id, confirmation).map(Templates::evidence$item);
    }

    @POST
    @Path("/{id}/dismiss")
    public Uni<TemplateInstance> dismiss(@PathParam("id") String id, @RestForm String reason) {
        return dmca.dismissEvidence(id, new EvidenceDismissal(DmcaForms.blankToNull(reason)))
                .map(Templates::evidence$item);
    }
}
