package org.modhub.moderation.console.services;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** notification-service's templates, rendered as the owner would read them (the case page's decision preview). */
@RegisterRestClient(configKey = "notification")
@RegisterClientHeaders(SignedInBearer.class)
@Path("/api/v1/templates")
public interface TemplatePreviewApi {

    /** Every template with its parameters: a preview must drop the samples of those a decision leaves unset. */
    @GET
    Uni<List<Template>> templates();

    /** Renders a template; parameters not given keep their samples, a null one is left out. */
    @POST
    @Path("/{id}/preview")
    Uni<Rendered> preview(@PathParam("id") String templateId, Request request);

    record Request(String locale, Map<String, String> parameters) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Rendered(String templateId, String locale, String subject, String text) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Template(String id, List<String> required, List<String> optional) {

        public Template {
            required = required == null ? List.of() : required;
            optional = optional == null ? List.of() : optional;
        }
    }
}
