package org.modhub.moderation.review.api;

import java.util.UUID;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.audit.AuditTrail;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.Params;
import org.modhub.moderation.review.config.ReviewConfig;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The kit's append-only audit log, for auditors (and admins): every state change, actor and time, filtered by case (the
 * scope of review's entries). It stands in for the kit's resource, which review turns off.
 */
@Path("/api/v1/audit-log")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail trail;
    private final ReviewConfig config;
    private final Views views;

    public AuditResource(AuditTrail trail, ReviewConfig config, Views views) {
        this.trail = trail;
        this.config = config;
        this.views = views;
    }

    /** Oldest first; filter by case, actor or entity; {@code nextCursor} continues after the last entry. */
    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Uni<Page<Views.HistoryEntry>> read(
            @QueryParam("caseId") String caseId,
            @QueryParam("actor") String actor,
            @QueryParam("entityId") String entityId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        UUID caseUuid = Params.uuid(caseId, "caseId");
        String forCase = caseUuid == null ? null : caseUuid.toString();
        int size = Params.limit(
                limit, config.limits().defaultPage(), config.limits().maxPage());
        return trail.page(forCase, actor, entityId, cursor, size).map(page -> page.map(views::history));
    }
}
