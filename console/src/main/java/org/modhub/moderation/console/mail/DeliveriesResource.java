package org.modhub.moderation.console.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.Delivery;
import org.modhub.moderation.console.services.NotificationApi;
import org.modhub.moderation.console.services.Paged;
import org.modhub.moderation.console.web.SignedIn;
import org.modhub.moderation.contracts.Roles;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * notification-service's delivery log: every mail the suite asked it to send, newest first, with the filters
 * the service offers, and one delivery in full. The log holds addresses, so the service opens it to staff
 * (not auditors); an auditor gets the page's explanation instead of a refusal.
 */
@Path("/mail")
@Produces(MediaType.TEXT_HTML)
public class DeliveriesResource {

    static final List<String> STATUSES = List.of("QUEUED", "SENDING", "SENT", "FAILED", "BOUNCED", "SUPPRESSED");
    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deliveries(
                Paged<Delivery> page, Filters filters, List<String> statuses, boolean mayRead);

        static native TemplateInstance delivery(Delivery d);
    }

    /** The filters as the form sent them (dates are whole UTC days, {@code to} included); blank means any. */
    public record Filters(
            String recipient, String status, String templateId, String threadKey, String from, String to) {

        public String next(String cursor) {
            return "?recipient=" + encode(recipient) + "&status=" + encode(status) + "&templateId=" + encode(templateId)
                    + "&threadKey=" + encode(threadKey) + "&from=" + encode(from) + "&to=" + encode(to) + "&cursor="
                    + encode(cursor);
        }

        private static String encode(String s) {
            return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    @Inject
    @RestClient
    NotificationApi notification;

    @Inject
    SignedIn me;

    @GET
    public Uni<TemplateInstance> deliveries(
            @QueryParam("recipient") String recipient,
            @QueryParam("status") String status,
            @QueryParam("templateId") String templateId,
            @QueryParam("threadKey") String threadKey,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor) {
        Filters filters =
                new Filters(trim(recipient), trim(status), trim(templateId), trim(threadKey), trim(from), trim(to));
        if (!me.hasAny(Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN)) {
            return Uni.createFrom().item(Templates.deliveries(new Paged<>(List.of(), null), filters, STATUSES, false));
        }
        return notification
                .deliveries(
                        filters.recipient(),
                        filters.status(),
                        filters.templateId(),
                        filters.threadKey(),
                        startOf(filters.from(), 0, "from"),
                        startOf(filters.to(), 1, "to"),
                        trim(cursor),
                        PAGE_SIZE)
                .map(page -> Templates.deliveries(page, filters, STATUSES, true));
    }

    @GET
    @Path("/deliveries/{id}")
    public Uni<TemplateInstance> delivery(@PathParam("id") String id) {
        return notification.delivery(id).map(Templates::delivery);
    }

    /** The start of the day {@code plusDays} after the given date, in RFC 3339 (the service takes instants). */
    static String startOf(String date, int plusDays, String field) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date)
                    .plusDays(plusDays)
                    .atStartOfDay()
                    .toInstant(ZoneOffset.UTC)
                    .toString();
        } catch (DateTimeParseException e) {
            throw new WebApplicationException(
                    field + ": must be a date such as 2026-12-31", Response.Status.BAD_REQUEST);
        }
    }

    static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
