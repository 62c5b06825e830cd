package org.modhub.moderation.console.mail;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.NotificationApi;
import org.modhub.moderation.console.services.Paged;
import org.modhub.moderation.console.services.UnmatchedMail;
import org.modhub.moderation.console.services.UnmatchedMailSummary;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Inbound mail no service owns (feedback@ mail on no thread of ours), kept for staff to read and mark
 * handled; auditors read it. Marking is audited by notification-service.
 */
@Path("/mail/unmatched")
@Produces(MediaType.TEXT_HTML)
public class UnmatchedResource {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unmatched(Paged<UnmatchedMailSummary> page, String next);

        static native TemplateInstance unmatched$row(UnmatchedMailSummary m);

        static native TemplateInstance mail(UnmatchedMail m);

        static native TemplateInstance mail$handling(UnmatchedMail m);
    }

    @Inject
    @RestClient
    NotificationApi notification;

    @GET
    public Uni<TemplateInstance> list(@QueryParam("cursor") String cursor) {
        return notification
                .unmatched(DeliveriesResource.trim(cursor), PAGE_SIZE)
                .map(page -> Templates.unmatched(page, next(page.nextCursor())));
    }

    @GET
    @Path("/{id}")
    public Uni<TemplateInstance> mail(@PathParam("id") String id) {
        return notification.unmatchedMail(id).map(Templates::mail);
    }

    /** From the list the row comes back, from the mail's page its handling line; both as the service now has it. */
    @POST
    @Path("/{id}/handled")
    public Uni<TemplateInstance> handled(@PathParam("id") String id, @QueryParam("from") String from) {
        return notification
                .markHandled(id)
                .map(m -> "list".equals(from) ? Templates.unmatched$row(m.summary()) : Templates.mail$handling(m));
    }

    /** The address of the next page, or null on the last. */
    private static String next(String cursor) {
        return cursor == null
                ? null
                : "/mail/unmatched?cursor="
                        + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
    }
}
