package org.modhub.moderation.console.appeals;

import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.AppealsApi;
import org.modhub.moderation.console.services.Dispute;
import org.modhub.moderation.console.services.RedressFigures;
import org.modhub.moderation.contracts.event.appeals.DisputeOutcome;

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
import jakarta.ws.rs.core.Response;

/**
 * Out-of-court disputes (DSA Art. 21) submitted in a period, how each ended (recorded here as the settlement
 * body decided), and the Art. 24(1) figures of appeals and disputes.
 */
@Path("/disputes")
@Produces(MediaType.TEXT_HTML)
public class DisputesResource {

    static final int PAGE_SIZE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance disputes(
                List<Dispute> disputes,
                boolean more,
                String from,
                String to,
                RedressFigures.Appeals appealFigures,
                RedressFigures.Disputes disputeFigures,
                List<DisputeOutcome> outcomes,
                boolean recorded);

        static native TemplateInstance disputes$row(Dispute d, List<DisputeOutcome> outcomes);
    }

    @Inject
    @RestClient
    AppealsApi appeals;

    @GET
    public Uni<TemplateInstance> disputes(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("recorded") String recorded) {
        String start = blankToNull(from);
        String end = blankToNull(to);
        return Uni.combine()
                .all()
                .unis(
                        appeals.disputes(start, end, null, PAGE_SIZE),
                        appeals.appealFigures(),
                        appeals.disputeFigures(start, end))
                .asTuple()
                .map(t -> Templates.disputes(
                        t.getItem1().items(),
                        t.getItem1().nextCursor() != null,
                        start == null ? "" : start,
                        end == null ? "" : end,
                        t.getItem2(),
                        t.getItem3(),
                        List.of(DisputeOutcome.values()),
                        recorded != null && !recorded.isBlank()));
    }

    /** Records a dispute the hub learnt of; the list is then shown again with it. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> record(
            @FormParam("decisionId") String decisionId,
            @FormParam("appealId") String appealId,
            @FormParam("body") String body,
            @FormParam("submittedOn") String submittedOn,
            @FormParam("notes") String notes) {
        AppealsApi.NewDispute dispute = new AppealsApi.NewDispute(
                blankToNull(decisionId),
                blankToNull(appealId),
                blankToNull(body),
                blankToNull(submittedOn),
                blankToNull(notes));
        return appeals.recordDispute(dispute)
                .map(d -> Response.noContent()
                        // Another address than this page's, so the browser loads the list anew (a #fragment alone would
                        // not).
                        .header("HX-Redirect", "/disputes?recorded=" + d.id() + "#dispute-" + d.id())
                        .build());
    }

    @POST
    @Path("/{id}/outcome")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> outcome(
            @PathParam("id") String id,
            @FormParam("outcome") String outcome,
            @FormParam("settledOn") String settledOn,
            @FormParam("implemented") String implemented,
            @FormParam("implementedOn") String implementedOn) {
        AppealsApi.DisputeEnding ending = new AppealsApi.DisputeEnding(
                blankToNull(outcome), blankToNull(settledOn), "true".equals(implemented), blankToNull(implementedOn));
        return appeals.endDispute(id, ending).map(d -> Templates.disputes$row(d, List.of(DisputeOutcome.values())));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
