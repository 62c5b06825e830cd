package org.modhub.moderation.kit.privacy;

import java.util.List;
import java.util.Map;

import org.modhub.moderation.contracts.Roles;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A service's retention schedule and its last run, for legal, auditors and operators:
 * {@code GET /api/v1/privacy/retention}; an admin may start a run at once with
 * {@code POST /api/v1/privacy/retention/runs} (after changing a period, or to check one).
 */
@Path("/api/v1/privacy/retention")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final RetentionJob job;

    public RetentionResource(RetentionJob job) {
        this.job = job;
    }

    /** The schedule and the last run. */
    public record RetentionView(List<RetentionJob.ScheduleLine> schedule, RetentionJob.LastRun lastRun) {}

    /** What one run removed, by kind. */
    public record RunView(Map<String, Integer> removed) {}

    @GET
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN, Roles.AUDITOR})
    public Uni<RetentionView> schedule() {
        return job.lastRun().map(last -> new RetentionView(job.schedule(), last));
    }

    @POST
    @Path("/runs")
    @RolesAllowed(Roles.ADMIN)
    public Uni<RunView> run() {
        return job.runNow().map(RunView::new);
    }
}
