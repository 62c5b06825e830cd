package org.modhub.moderation.appeals.api;

import java.net.URI;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.appeals.domain.AppealService;
import org.modhub.moderation.appeals.domain.AppealStatus;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.Params;

import io.quarkus.security.Authenticated;
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

/** Filing, reading and reviewing appeals (DSA Art. 20). */
@Path("/api/v1/appeals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppealResource {

    /** Staff who review appeals. Moderators are left out: they take the decisions appealed against. */
    static final Set<String> REVIEWERS = Set.of(Roles.LEGAL, Roles.SENIOR_MODERATOR);
    /** Staff who may read any appeal. */
    static final Set<String> READERS = Set.of(Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN);
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    private final AppealService appeals;
    private final RequestValidator validator;
    private final AppealViews views;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final java.time.Clock clock;

    public AppealResource(AppealService appeals, RequestValidator validator, AppealViews views, SecurityIdentity identity,
            JsonWebToken token, java.time.Clock clock) {
        this.clock = clock;
        this.appeals = appeals;
        this.validator = validator;
        this.views = views;
        this.identity = identity;
        this.token = token;
    }

    /**
     * Files an appeal against a decision: by the owner it restricted, or a notifier of a report it
     * answered, whatever it decided (DSA Art. 20(1)), within the window, one open appeal per decision
     * and appellant. 201 with Location.
     */
    @POST
    @RolesAllowed(Roles.USER)
    public Uni<RestResponse<AppealResponse>> file(FileAppealRequest request, UriInfo uri) {
        RequestValidator.ValidFiling filing = validator.filing(request);
        Caller caller = Caller.of(identity);
        return appeals.fileInPlatform(caller.id(), email(), filing.residence(), filing.appeal()).map(appeal -> {
            URI location = uri.getBaseUriBuilder().path("api/v1/appeals").path(appeal.id.toString()).build();
            return RestResponse.ResponseBuilder.<AppealResponse> created(location).entity(views.appellant(appeal)).build();
        });
    }

    /** The caller's own appeals, newest first. */
    @GET
    @Path("/mine")
    @RolesAllowed(Roles.USER)
    public Uni<AppealPage> mine(@QueryParam("limit") String limit) {
        int size = Params.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        return appeals.mine(Caller.of(identity).id(), size).map(list -> new AppealPage(list.stream().map(views::appellant).toList()));
    }

    /** Complaint figures for the transparency report: appeals filed within [from, to) (RFC 3339 or dates; default this year). */
    @GET
    @Path("/figures")
    @RolesAllowed({ Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN, Roles.AUDITOR })
    public Uni<AppealService.Figures> figures(@QueryParam("from") String from, @QueryParam("to") String to) {
        java.time.Instant start = Params.instant(from, "from");
        java.time.Instant end = Params.instant(to, "to");
        java.time.Instant now = clock.instant();
        if (start == null) {
            start = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).withDayOfYear(1)
                    .atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        }
        if (end == null) {
            end = now;
        }
        if (!end.isAfter(start)) {
            throw ProblemException.invalidField("query.to", "must be after query.from");
        }
        return appeals.figures(start, end);
    }

    /** One appeal, for its appellant or reviewing staff; anyone else gets 404. */
    @GET
    @Path("/{id}")
    @Authenticated
    public Uni<AppealResponse> get(@PathParam("id") String id) {
        UUID appealId = Params.id(id, "Appeal");
        Caller caller = Caller.of(identity);
        return appeals.get(appealId).map(appeal -> {
            if (isReader(caller)) {
                return views.staff(appeal);
            }
            if (appeal.appellantId == null || !caller.is(appeal.appellantId)) {
                throw ProblemException.notFound("Appeal", appealId);
            }
            return views.appellant(appeal);
        });
    }

    /** The staff queue: escalated appeals first, then by due time. */
    @GET
    @RolesAllowed({ Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN })
    public Uni<AppealPage> queue(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        AppealStatus wanted = Params.oneOf(AppealStatus.class, status, "status");
        int size = Params.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        return appeals.queue(wanted == null ? AppealStatus.OPEN : wanted, size)
                .map(list -> new AppealPage(list.stream().map(views::staff).toList()));
    }

    /** Decides an appeal: upheld, reversed or modified, with the reasons. Never by who took or approved the decision. */
    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({ Roles.LEGAL, Roles.SENIOR_MODERATOR })
    public Uni<AppealResponse> resolve(@PathParam("id") String id, ResolveAppealRequest request) {
        UUID appealId = Params.id(id, "Appeal");
        AppealService.Resolution resolution = validator.resolution(request);
        return appeals.resolve(appealId, resolution, Caller.of(identity).id()).map(views::staff);
    }

    private static boolean isReader(Caller caller) {
        return caller.roles().stream().anyMatch(READERS::contains);
    }

    /** Where mails to the caller go: the token's address claim, or its upn when that is an address. */
    private String email() {
        String email = token.getClaim("email");
        String upn = token.getClaim("upn");
        if (email == null && upn != null && upn.contains("@")) {
            email = upn;
        }
        return email;
    }
}
