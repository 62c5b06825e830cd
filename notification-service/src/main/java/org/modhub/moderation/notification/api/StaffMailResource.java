package org.modhub.moderation.notification.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.notification.domain.DeliveryStatus;
import org.modhub.moderation.notification.mail.MailTemplate;
import org.modhub.moderation.notification.mail.MailTemplates;
import org.modhub.moderation.notification.mail.RenderedMail;
import org.modhub.moderation.notification.mail.TemplateException;
import org.modhub.moderation.notification.mail.TemplateRenderer;
import org.modhub.moderation.notification.persistence.DeliverySearch;
import org.modhub.moderation.notification.persistence.MailDeliveryEntity;
import org.modhub.moderation.notification.persistence.MailDeliveryRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Staff views: the delivery log (it holds addresses, so staff only) and template previews. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN })
public class StaffMailResource {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final MailDeliveryRepository deliveries;
    private final TemplateRenderer renderer;

    public StaffMailResource(MailDeliveryRepository deliveries, TemplateRenderer renderer) {
        this.deliveries = deliveries;
        this.renderer = renderer;
    }

    /** Searches the delivery log, newest first; every filter is optional. */
    @GET
    @Path("/deliveries")
    @WithSession
    public Uni<DeliveryPage> search(@QueryParam("recipient") String recipient, @QueryParam("status") String status,
            @QueryParam("templateId") String templateId, @QueryParam("threadKey") String threadKey,
            @QueryParam("idempotencyKey") String idempotencyKey, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int size = limit == null ? DEFAULT_PAGE : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw ProblemException.invalidField("query.limit", "must be between 1 and " + MAX_PAGE);
        }
        DeliverySearch criteria = new DeliverySearch(blankToNull(recipient), status(status), blankToNull(templateId),
                blankToNull(threadKey), blankToNull(idempotencyKey), instant("query.from", from), instant("query.to", to));
        Object[] position = decode(cursor);
        return deliveries.search(criteria, (Instant) position[0], (UUID) position[1], size + 1).map(found -> {
            List<MailDeliveryEntity> page = found.size() > size ? found.subList(0, size) : found;
            String next = found.size() > size ? encode(page.get(page.size() - 1)) : null;
            return new DeliveryPage(page.stream().map(DeliveryResponse::of).toList(), next);
        });
    }

    @GET
    @Path("/deliveries/{id}")
    @WithSession
    public Uni<DeliveryResponse> get(@PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("path.id", "must be a UUID");
        }
        return deliveries.findById(uuid).map(d -> {
            if (d == null) {
                throw ProblemException.notFound("Delivery", uuid);
            }
            return DeliveryResponse.of(d);
        });
    }

    /** Every template with its parameters and sample values. */
    @GET
    @Path("/templates")
    public List<TemplateResponse> templates() {
        return MailTemplates.all().stream()
                .map(t -> new TemplateResponse(t.id(), t.purpose(), t.required(), t.optional(), t.sample())).toList();
    }

    /** Renders a template with its samples, replaced by any parameters given. */
    @POST
    @Path("/templates/{id}/preview")
    public PreviewResponse preview(@PathParam("id") String id, PreviewRequest request) {
        MailTemplate template = MailTemplates.byId(id).orElseThrow(() -> ProblemException.notFound("Template", id));
        String locale = request == null || request.locale() == null ? "en" : request.locale();
        if (!LOCALE.matcher(locale).matches()) {
            throw ProblemException.invalidField("locale", "must be a BCP 47 language tag such as en or de-DE");
        }
        Map<String, String> parameters = new HashMap<>(template.sample());
        if (request != null && request.parameters() != null) {
            request.parameters().forEach((name, value) -> {
                if (!template.required().contains(name) && !template.optional().contains(name)) {
                    throw ProblemException.invalidField("parameters." + name, "is not a parameter of template " + id);
                }
                if (value == null) {
                    parameters.remove(name);
                } else {
                    parameters.put(name, value);
                }
            });
        }
        try {
            RenderedMail mail = renderer.render(id, locale, parameters);
            return new PreviewResponse(id, mail.locale(), mail.subject(), mail.text(), mail.html());
        } catch (TemplateException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
    }

    private static DeliveryStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("query.status", "must be one of " + List.of(DeliveryStatus.values()));
        }
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be an ISO-8601 instant such as 2026-05-01T00:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String encode(MailDeliveryEntity last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.createdAt + "|" + last.id).getBytes(StandardCharsets.UTF_8));
    }

    private static Object[] decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return new Object[2];
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = text.indexOf('|');
            return new Object[] { Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)) };
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("query.cursor", "is not a cursor this service issued");
        }
    }
}
