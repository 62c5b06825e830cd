package org.modhub.moderation.console.people;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.NotifierStanding;
import org.modhub.moderation.console.services.ReportingApi;
import org.modhub.moderation.console.services.StaffActionBody;
import org.modhub.moderation.console.web.Times;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A notifier's standing with reporting-service (DSA Art. 22, 23): warnings, suspension, mute, trusted
 * flagger; and staff's actions on it. Each action answers with the standing as the service now keeps it.
 */
@Path("/people/notifiers/{key}")
@Produces(MediaType.TEXT_HTML)
public class NotifierResource {

    static final Set<String> ACTIONS = Set.of("warn", "suspend", "lift", "mute", "unmute");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifier(NotifierStanding standing, boolean known, String message);

        static native TemplateInstance notifier$standing(NotifierStanding standing, boolean known, String message);
    }

    @Inject
    @RestClient
    ReportingApi reporting;

    @GET
    public Uni<TemplateInstance> standing(@PathParam("key") String key) {
        String notifier = PersonKey.of(key);
        return reporting
                .standing(notifier)
                .map(s -> Templates.notifier(s, true, null))
                .onFailure(NotifierResource::notFound)
                .recoverWithItem(() -> Templates.notifier(NotifierStanding.none(notifier), false, null));
    }

    @POST
    @Path("/{action}")
    @Produces(MediaType.TEXT_HTML)
    public Uni<TemplateInstance> act(
            @PathParam("key") String key,
            @PathParam("action") String action,
            @FormParam("reason") String reason,
            @FormParam("until") String until) {
        if (!ACTIONS.contains(action)) {
            throw new NotFoundException("No such action on a notifier: " + action);
        }
        return reporting
                .act(PersonKey.of(key), action, new StaffActionBody(reason, instant(until)))
                .map(s -> Templates.notifier$standing(s, true, done(action, s)));
    }

    @POST
    @Path("/trusted-flagger")
    public Uni<TemplateInstance> trustedFlagger(@PathParam("key") String key, @FormParam("trusted") boolean trusted) {
        String notifier = PersonKey.of(key);
        Uni<NotifierStanding> changed = trusted ? reporting.markTrusted(notifier) : reporting.unmarkTrusted(notifier);
        return changed.map(s -> Templates.notifier$standing(
                s, true, trusted ? "Marked as trusted flagger." : "No longer a trusted flagger."));
    }

    /** What the person sees after the service accepted the action. */
    static String done(String action, NotifierStanding s) {
        return switch (action) {
            case "warn" -> "Warning recorded; the notifier now has " + s.warnings() + " warning(s).";
            case "suspend" -> "Suspended until " + Times.at(s.suspendedUntil()) + ".";
            case "lift" -> "Suspension lifted.";
            case "mute" -> "Muted until " + Times.at(s.mutedUntil()) + ".";
            default -> "Mute ended.";
        };
    }

    /**
     * The form's {@code datetime-local} value, read as UTC (the form says so), in RFC 3339; blank is the
     * service's default length.
     */
    static String instant(String local) {
        if (local == null || local.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.strip()).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            throw new WebApplicationException(
                    "until: must be a date and time such as 2026-12-31T18:00", Response.Status.BAD_REQUEST);
        }
    }

    static boolean notFound(Throwable t) {
        return t instanceof WebApplicationException e
                && e.getResponse() != null
                && e.getResponse().getStatus() == 404;
    }
}
