package org.modhub.moderation.appeals.api;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.appeals.domain.AppealFiling;
import org.modhub.moderation.appeals.domain.AppealRecords;
import org.modhub.moderation.appeals.domain.AppealReview;
import org.modhub.moderation.appeals.domain.AppealStatus;
import org.modhub.moderation.appeals.persistence.AppealRepository;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
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

    /** Staff who may read any appeal. */
    static final Set<String> READERS = Set.of(Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN);

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    private final AppealFiling filing;
    private final AppealRecords records;
    private final AppealReview review;
    private final AppealRequests requests;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final Clock clock;

    public AppealResource(
            AppealFiling filing,
            AppealRecords records,
            AppealReview review,
            AppealRequests requests,
            SecurityIdentity identity,
            JsonWebToken token,
            Clock clock) {
        this.filing = filing;
        this.records = records;
        this.review = review;
        this.requests = requests;
        this.identity = identity;
        this.token = token;
        this.clock = clock;
    }

    /**
     * Files an appeal against a decision: by the owner it restricted, or a notifier of a report it
     * answered, whatever it decided (DSA Art. 20(1)), within the window, one open appeal per decision
     * and appellant. 201 with Location.
     */
    @POST
    @RolesAllowed(Roles.USER)
    public Uni<RestResponse<AppealResponse>> file(FileAppealRequest request, UriInfo uri) {
        AppealRequests.ValidFiling valid = requests.filing(request);
        Caller caller = Caller.of(identity);
        return filing.fileInPlatform(caller.id(), email(), valid.residence(), valid.appeal())
                .map(appeal -> {
                    URI location = uri.getBaseUriBuilder()
                            .path("api/v1/appeals")
                            .path(appeal.id.toString())
                            .build();
                    return RestResponse.ResponseBuilder.<AppealResponse>created(location)
                            .entity(AppealViews.appellant(appeal))
                            .build();
                });
    }

    /** The caller's own appeals, newest first, a page at a time. */
    @GET
    @Path("/mine")
    @RolesAllowed(Roles.USER)
    public Uni<Page<AppealResponse>> mine(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Params.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        PageCursor after = PageCursor.decode(cursor);
        return records.mine(Caller.of(identity).id(), after, size + 1)
                .map(rows -> Page.of(rows, size, AppealRepository::appellantCursor, AppealViews::appellant));
    }

    /** Complaint figures for the transparency report: appeals filed within [from, to) (RFC 3339 or dates; default this year). */
    @GET
    @Path("/figures")
    @RolesAllowed({Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN, Roles.AUDITOR})
    public Uni<AppealRecords.Figures> figures(@QueryParam("from") String from, @QueryParam("to") String to) {
        Instant start = Params.instant(from, "from");
        Instant end = Params.instant(to, "to");
        Instant now = clock.instant();
        if (start == null) {
            start = LocalDate.ofInstant(now, ZoneOffset.UTC)
                    .withDayOfYear(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        }
        if (end == null) {
            end = now;
        }
        if (!end.isAfter(start)) {
            throw ProblemException.invalidField("query.to", "must be after query.from");
        }
        return records.figures(start, end);
    }

    /** One appeal, for its appellant or reviewing staff; anyone else gets 404. */
    @GET
    @Path("/{id}")
    @Authenticated
    public Uni<AppealResponse> get(@PathParam("id") String id) {
        UUID appealId = Params.id(id, "Appeal");
        Caller caller = Caller.of(identity);
        return records.get(appealId).map(appeal -> {
            if (isReader(caller)) {
                return AppealViews.staff(appeal);
            }
            if (appeal.appellantId == null || !caller.is(appeal.appellantId)) {
                throw ProblemException.notFound("Appeal", appealId);
            }
            return AppealViews.appellant(appeal);
        });
    }

    /** The staff queue: escalated appeals first, then by due time, a page at a time. */
    @GET
    @RolesAllowed({Roles.LEGAL, Roles.SENIOR_MODERATOR, Roles.ADMIN})
    public Uni<Page<AppealResponse>> queue(
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        AppealStatus wanted = Params.oneOf(AppealStatus.class, status, "status");
        int size = Params.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        PageCursor after = PageCursor.decode(cursor);
        return records.queue(wanted == null ? AppealStatus.OPEN : wanted, after, size + 1)
                .map(rows -> Page.of(rows, size, AppealRepository::queueCursor, AppealViews::staff));
    }

    /** Decides an appeal: upheld, reversed or modified, with the reasons. Never by who took or approved the decision. */
    @POST
    @Path("/{id}/resolve")
    @RolesAllowed({Roles.LEGAL, Roles.SENIOR_MODERATOR})
    public Uni<AppealResponse> resolve(@PathParam("id") String id, ResolveAppealRequest request) {
        UUID appealId = Params.id(id, "Appeal");
        return review.resolve(
                        appealId,
                        requests.resolution(request),
                        Caller.of(identity).id())
                .map(AppealViews::staff);
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
