package org.modhub.moderation.console.privacy;

import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.Paged;
import org.modhub.moderation.console.services.PrivacyApi;
import org.modhub.moderation.console.services.PrivacyRequest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
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
 * Data subjects' requests (appeals-service's ledger): legal records an access or an erasure request for a person, watches
 * the five services answer, reads what each keeps under which rule, and downloads the document to send the person.
 * Auditors read. The service decides, with the person's own token; the page leaves out what their roles cannot use.
 */
@Path("/privacy")
@Produces(MediaType.TEXT_HTML)
public class PrivacyResource {

    static final int PAGE_SIZE = 50;
    /** Addresses one request may name, as the service allows. */
    static final int MAX_EMAILS = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance privacy(Paged<PrivacyRequest> requests, String cursor);

        static native TemplateInstance request(PrivacyRequest r);

        static native TemplateInstance request$answers(PrivacyRequest r);
    }

    private final PrivacyApi privacy;

    public PrivacyResource(@RestClient PrivacyApi privacy) {
        this.privacy = privacy;
    }

    @GET
    public Uni<TemplateInstance> list(@QueryParam("cursor") String cursor) {
        return privacy.list(blankToNull(cursor), PAGE_SIZE).map(page -> Templates.privacy(page, blankToNull(cursor)));
    }

    /** Records the request; the browser goes to its page, where the answers arrive. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> record(
            @FormParam("kind") String kind,
            @FormParam("accountId") String accountId,
            @FormParam("emails") String emails,
            @FormParam("note") String note) {
        return privacy.create(new PrivacyApi.NewRequest(
                        blankToNull(kind), blankToNull(accountId), addresses(emails), blankToNull(note)))
                .map(r -> Response.noContent()
                        .header("HX-Redirect", "/privacy/" + r.id())
                        .build());
    }

    @GET
    @Path("/{id}")
    public Uni<TemplateInstance> request(@PathParam("id") String id) {
        return privacy.get(id).map(Templates::request);
    }

    /** The services' answers again: the request's page polls this until every service has answered. */
    @GET
    @Path("/{id}/answers")
    public Uni<TemplateInstance> answers(@PathParam("id") String id) {
        return privacy.get(id).map(Templates::request$answers);
    }

    /** The document to send the person, as a download. */
    @GET
    @Path("/{id}/document")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> document(@PathParam("id") String id) {
        String name = "privacy-request-" + id.replaceAll("[^0-9a-fA-F-]", "") + ".json";
        return privacy.document(id)
                .map(json -> Response.ok(json, MediaType.APPLICATION_JSON + "; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                        .build());
    }

    /** The addresses typed one per line (or separated by commas or spaces); the service checks each. */
    static List<String> addresses(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        return Arrays.stream(typed.split("[\\s,;]+"))
                .filter(s -> !s.isBlank())
                .limit(MAX_EMAILS + 1L)
                .toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
