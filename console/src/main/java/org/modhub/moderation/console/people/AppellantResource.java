package org.modhub.moderation.console.people;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.AppellantStanding;
import org.modhub.moderation.console.services.AppellantsApi;
import org.modhub.moderation.console.services.LiftBody;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An appellant's standing with appeals-service (DSA Art. 23(2)), and lifting their suspension early. */
@Path("/people/appellants/{key}")
@Produces(MediaType.TEXT_HTML)
public class AppellantResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance appellant(AppellantStanding standing, boolean known, String message);

        static native TemplateInstance appellant$standing(AppellantStanding standing, boolean known, String message);
    }

    @Inject
    @RestClient
    AppellantsApi appeals;

    @GET
    public Uni<TemplateInstance> standing(@PathParam("key") String key) {
        String appellant = PersonKey.of(key);
        return appeals.standing(appellant)
                .map(s -> Templates.appellant(s, true, null))
                .onFailure(NotifierResource::notFound)
                .recoverWithItem(() -> Templates.appellant(AppellantStanding.none(appellant), false, null));
    }

    @POST
    @Path("/lift")
    public Uni<TemplateInstance> lift(@PathParam("key") String key, @FormParam("reason") String reason) {
        return appeals.lift(PersonKey.of(key), new LiftBody(reason))
                .map(s -> Templates.appellant$standing(s, true, "Suspension lifted."));
    }
}
