package org.modhub.moderation.appeals.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.appeals.domain.DisputeService;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.kit.validation.Params;

import io.quarkus.security.identity.SecurityIdentity;
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
import jakarta.ws.rs.core.UriInfo;

/** Out-of-court dispute records (DSA Art. 21) and their Art. 24(1)(a) figures, for staff (figures also for auditors). */
@Path("/api/v1/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN})
public class DisputeResource {

    static final int DEFAULT_PAGE = 50;
    static final int MAX_PAGE = 200;

    private final DisputeService disputes;
    private final SecurityIdentity identity;
    private final Clock clock;

    public DisputeResource(DisputeService disputes, SecurityIdentity identity, Clock clock) {
        this.disputes = disputes;
        this.identity = identity;
        this.clock = clock;
    }

    @POST
    public Uni<RestResponse<DisputeResponse>> record(DisputeRequest request, UriInfo uri) {
        DisputeService.NewDispute input = DisputeRequests.dispute(request);
        return disputes.record(input, Caller.of(identity).id()).map(d -> {
            URI location = uri.getBaseUriBuilder()
                    .path("api/v1/disputes")
                    .path(d.id.toString())
                    .build();
            return RestResponse.ResponseBuilder.<DisputeResponse>created(location)
                    .entity(AppealViews.dispute(d))
                    .build();
        });
    }

    @POST
    @Path("/{id}/outcome")
    public Uni<DisputeResponse> outcome(@PathParam("id") String id, DisputeOutcomeRequest request) {
        UUID disputeId = Params.id(id, "Dispute");
        DisputeService.Ending ending = DisputeRequests.ending(request);
        return disputes.end(disputeId, ending, Caller.of(identity).id()).map(AppealViews::dispute);
    }

    /** Disputes submitted within [from, to] (dates, default: this calendar year). */
    @GET
    public Uni<Page<DisputeResponse>> list(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        LocalDate[] period = period(from, to);
        int size = Params.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        return disputes.submittedBetween(period[0], period[1], PageCursor.decode(cursor), size + 1)
                .map(rows -> Page.of(rows, size, DisputeService::cursorOf, AppealViews::dispute));
    }

    /** The Art. 24(1)(a) figures of disputes submitted within [from, to]. */
    @GET
    @Path("/figures")
    @RolesAllowed({Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN, Roles.AUDITOR})
    public Uni<DisputeService.Figures> figures(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate[] period = period(from, to);
        return disputes.figures(period[0], period[1]);
    }

    @GET
    @Path("/{id}")
    public Uni<DisputeResponse> get(@PathParam("id") String id) {
        return disputes.get(Params.id(id, "Dispute")).map(AppealViews::dispute);
    }

    private LocalDate[] period(String from, String to) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = date(from, "query.from", today.withDayOfYear(1));
        LocalDate end = date(to, "query.to", today);
        if (end.isBefore(start)) {
            throw ProblemException.invalidField("query.to", "must not be before query.from");
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String value, String field, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a date like 2026-01-31");
        }
    }
}
