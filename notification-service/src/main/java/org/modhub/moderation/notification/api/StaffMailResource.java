package org.modhub.moderation.notification.api;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.validation.FieldChecks;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.kit.validation.Params;
import org.modhub.moderation.notification.domain.DeliveryStatus;
import org.modhub.moderation.notification.mail.MailTemplate;
import org.modhub.moderation.notification.mail.MailTemplates;
import org.modhub.moderation.notification.mail.RenderedMail;
import org.modhub.moderation.notification.mail.TemplateException;
import org.modhub.moderation.notification.mail.TemplateRenderer;
import org.modhub.moderation.notification.persistence.DeliverySearch;
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
@RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN})
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
    public Uni<Page<DeliveryResponse>> search(
            @QueryParam("recipient") String recipient,
            @QueryParam("status") String status,
            @QueryParam("templateId") String templateId,
            @QueryParam("threadKey") String threadKey,
            @QueryParam("idempotencyKey") String idempotencyKey,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        int size = Params.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        // Status names are matched in any case: "sent" is SENT.
        DeliverySearch criteria = new DeliverySearch(
                blankToNull(recipient),
                Params.oneOf(
                        DeliveryStatus.class,
                        status == null ? null : status.strip().toUpperCase(Locale.ROOT),
                        "status"),
                blankToNull(templateId),
                blankToNull(threadKey),
                blankToNull(idempotencyKey),
                Params.instant(from, "from"),
                Params.instant(to, "to"));
        return deliveries
                .search(criteria, PageCursor.decode(cursor), size + 1)
                .map(found -> Page.of(found, size, d -> new PageCursor(d.createdAt, d.id), DeliveryResponse::of));
    }

    @GET
    @Path("/deliveries/{id}")
    @WithSession
    public Uni<DeliveryResponse> get(@PathParam("id") String id) {
        UUID uuid = Params.id(id, "Delivery");
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
                .map(t -> new TemplateResponse(t.id(), t.purpose(), t.required(), t.optional(), t.sample()))
                .toList();
    }

    /** Renders a template with its samples, replaced by any parameters given. */
    @POST
    @Path("/templates/{id}/preview")
    public PreviewResponse preview(@PathParam("id") String id, PreviewRequest request) {
        MailTemplate template = MailTemplates.byId(id).orElseThrow(() -> ProblemException.notFound("Template", id));
        FieldChecks check = new FieldChecks();
        String locale = request == null || request.locale() == null ? "en" : request.locale();
        if (!LOCALE.matcher(locale).matches()) {
            check.add("locale", "must be a BCP 47 language tag such as en or de-DE");
        }
        Map<String, String> parameters = new HashMap<>(template.sample());
        if (request != null && request.parameters() != null) {
            request.parameters().forEach((name, value) -> {
                if (!template.required().contains(name) && !template.optional().contains(name)) {
                    check.add("parameters." + name, "is not a parameter of template " + id);
                } else if (value == null) {
                    parameters.remove(name);
                } else {
                    parameters.put(name, value);
                }
            });
        }
        check.throwIfAny();
        try {
            RenderedMail mail = renderer.render(id, locale, parameters);
            return new PreviewResponse(id, mail.locale(), mail.subject(), mail.text(), mail.html());
        } catch (TemplateException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
