package org.modhub.moderation.console.web;

import java.net.URI;
import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The door: a signed-in person lands on the first page their roles open; after sign-out, a plain page. */
@Path("/")
public class HomeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance nothing();

        static native TemplateInstance signedOut();
    }

    @Inject
    SignedIn me;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        List<Page> pages = me.pages();
        if (pages.isEmpty()) {
            // Signed in, but with no staff role: the hub's users are not staff.
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(Templates.nothing().render())
                    .build();
        }
        return Response.seeOther(URI.create(pages.get(0).path())).build();
    }

    @GET
    @Path("signed-out")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
