package org.modhub.moderation.console.dmca;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.dmca.DmcaViews.Strikes;
import org.modhub.moderation.console.services.DmcaApi;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An account's strikes in force under the repeat-infringer policy (17 U.S.C. 512(i)). */
@Path("/dmca/strikes")
@Produces(MediaType.TEXT_HTML)
public class DmcaStrikesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lookup();

        static native TemplateInstance strikes(Strikes strikes);
    }

    private final DmcaApi dmca;

    public DmcaStrikesResource(@RestClient DmcaApi dmca) {
        this.dmca = dmca;
    }

    /** The look-up form; with {@code account} it goes to that account's page. */
    @GET
    public Response lookup(@QueryParam("account") String account) {
        if (account == null || account.isBlank()) {
            return Response.ok(Templates.lookup().render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .build();
        }
        return Response.seeOther(URI.create("/dmca/strikes/"
                        + URLEncoder.encode(account.strip(), StandardCharsets.UTF_8)
                                .replace("+", "%20")))
                .build();
    }

    @GET
    @Path("/{account}")
    public Uni<TemplateInstance> strikes(@PathParam("account") String account) {
        return dmca.strikes(account).map(Templates::strikes);
    }
}
