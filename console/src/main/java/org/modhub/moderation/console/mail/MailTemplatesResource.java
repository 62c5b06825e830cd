package org.modhub.moderation.console.mail;

import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.MailPreview;
import org.modhub.moderation.console.services.MailTemplateInfo;
import org.modhub.moderation.console.services.NotificationApi;
import org.modhub.moderation.console.services.PreviewBody;

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

/**
 * The mail templates notification-service renders, and a preview of each with its sample values, so staff
 * can see what a person receives. The HTML body is shown as source, never rendered inside the console.
 */
@Path("/mail/templates")
@Produces(MediaType.TEXT_HTML)
public class MailTemplatesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance templates(List<MailTemplateInfo> templates);

        static native TemplateInstance preview(MailPreview p);
    }

    @Inject
    @RestClient
    NotificationApi notification;

    @GET
    public Uni<TemplateInstance> templates() {
        return notification.templates().map(Templates::templates);
    }

    @POST
    @Path("/{id}/preview")
    public Uni<TemplateInstance> preview(@PathParam("id") String id, @FormParam("locale") String locale) {
        String language = locale == null || locale.isBlank() ? "en" : locale.strip();
        return notification.preview(id, new PreviewBody(language, null)).map(Templates::preview);
    }
}
