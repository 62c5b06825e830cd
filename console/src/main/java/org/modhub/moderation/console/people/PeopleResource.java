package org.modhub.moderation.console.people;

import java.net.URI;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

/** The People door: look a person up by account id or address, as a notifier or as an appellant. */
@Path("/people")
@Produces(MediaType.TEXT_HTML)
public class PeopleResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lookup(String account, String problem);
    }

    @GET
    public Response lookup(@QueryParam("account") String account, @QueryParam("as") String as) {
        if (as == null) {
            return Response.ok(Templates.lookup("", null)).build();
        }
        if (account == null || account.isBlank()) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.lookup("", "Enter an account id or an e-mail address."))
                    .build();
        }
        String base = "appellant".equals(as) ? "/people/appellants/{key}" : "/people/notifiers/{key}";
        URI target = UriBuilder.fromPath(base).build(PersonKey.of(account));
        return Response.seeOther(target).build();
    }
}
