package org.modhub.moderation.kit.audit;

import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.Params;

import io.quarkus.arc.properties.UnlessBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * A service's audit log for auditors and admins, oldest first:
 * {@code GET /api/v1/audit-log?scopeId=&actor=&entityId=&cursor=&limit=}. Review-service serves the same log by case
 * (its own parameter names and page sizes) at the same path and turns this one off with the build property
 * {@code kit.audit.resource.enabled=false}.
 */
@Path("/api/v1/audit-log")
@Produces(MediaType.APPLICATION_JSON)
@UnlessBuildProperty(name = "kit.audit.resource.enabled", stringValue = "false", enableIfMissing = true)
public class AuditTrailResource {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 500;

    private final AuditTrail trail;

    public AuditTrailResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    public Uni<Page<AuditEntry>> read(
            @QueryParam("scopeId") String scopeId,
            @QueryParam("actor") String actor,
            @QueryParam("entityId") String entityId,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        return trail.page(scopeId, actor, entityId, cursor, Params.limit(limit, DEFAULT_PAGE, MAX_PAGE));
    }
}
