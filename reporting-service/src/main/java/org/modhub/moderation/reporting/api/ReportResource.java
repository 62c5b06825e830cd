package org.modhub.moderation.reporting.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.action.SourceType;
import org.modhub.moderation.contracts.event.reporting.ReportChannel;
import org.modhub.moderation.kit.hub.HubDirectory;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.kit.validation.Params;
import org.modhub.moderation.reporting.domain.Notifier;
import org.modhub.moderation.reporting.domain.NotifierKey;
import org.modhub.moderation.reporting.domain.ReportFiling;
import org.modhub.moderation.reporting.domain.ReportFiling.Filing;
import org.modhub.moderation.reporting.domain.ReportFiling.Intake;
import org.modhub.moderation.reporting.domain.ReportQueries;
import org.modhub.moderation.reporting.domain.ReportStatus;
import org.modhub.moderation.reporting.domain.ReportTransitions;
import org.modhub.moderation.reporting.persistence.SearchCriteria;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Filing and reading reports and flags. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ReportResource {

    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;

    private final ReportFiling filing;
    private final ReportQueries queries;
    private final ReportTransitions transitions;
    private final RequestValidator validator;
    private final ReportViews views;
    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final ObjectMapper mapper;
    private final HubDirectory hub;

    public ReportResource(
            ReportFiling filing,
            ReportQueries queries,
            ReportTransitions transitions,
            RequestValidator validator,
            ReportViews views,
            SecurityIdentity identity,
            JsonWebToken token,
            ObjectMapper mapper,
            HubDirectory hub) {
        this.filing = filing;
        this.queries = queries;
        this.transitions = transitions;
        this.validator = validator;
        this.views = views;
        this.identity = identity;
        this.token = token;
        this.mapper = mapper;
        this.hub = hub;
    }

    /**
     * Files a report (DSA Art. 16). 201 with Location; a retry with the same Idempotency-Key returns the same report.
     * A subject the hub does not know is 422 {@code unknown-subject}; while the hub cannot answer, 503 with Retry-After.
     */
    @POST
    @Path("/reports")
    @RolesAllowed(Roles.USER)
    public Uni<RestResponse<ReportResponse>> file(
            FileReportRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        String key = validator.idempotencyKey(idempotencyKey);
        var input = validator.report(request);
        Notifier notifier = notifier();
        // The hub is asked before the filing transaction: no connection or standing lock waits on it, and a report
        // refused as unknown (422) or during an outage (503) stores nothing and counts towards no limit.
        return hub.require(input.subject(), "subject")
                .chain(known -> filing.file(notifier, input, Intake.inPlatform(), key, hash(request)))
                .map(filed -> respond(filed, uri));
    }

    /** Raises a flag from a detector or staff, with its DSA source type. */
    @POST
    @Path("/flags")
    @RolesAllowed({Roles.DETECTOR, Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN})
    public Uni<RestResponse<ReportResponse>> flag(
            FlagRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        String key = validator.idempotencyKey(idempotencyKey);
        RequestValidator.ValidFlag flag = validator.flag(request);
        Caller caller = Caller.of(identity);
        boolean detector = caller.hasRole(Roles.DETECTOR) && !caller.isStaff();
        if (detector && Boolean.FALSE.equals(flag.automatedDetection())) {
            throw ProblemException.invalidField("automatedDetection", "a detector's flag is always automated");
        }
        boolean automated = detector || Boolean.TRUE.equals(flag.automatedDetection());
        Intake intake = new Intake(
                detector ? ReportChannel.DETECTOR : ReportChannel.INTERNAL, flag.sourceType(), automated, false);
        Notifier notifier = notifier();
        return hub.require(flag.report().subject(), "subject")
                .chain(known -> filing.file(notifier, flag.report(), intake, key, hash(request)))
                .map(filed -> respond(filed, uri));
    }

    /** The caller's own reports, newest first. */
    @GET
    @Path("/reports/mine")
    @RolesAllowed(Roles.USER)
    public Uni<Page<ReportResponse>> mine(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        int size = Params.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        PageCursor after = PageCursor.decode(cursor);
        return queries.mine(Caller.of(identity).id(), after, size + 1).map(rows -> views.page(rows, size));
    }

    /** One report, for its reporter or staff; anyone else gets 404. */
    @GET
    @Path("/reports/{id}")
    @Authenticated
    public Uni<ReportResponse> get(@PathParam("id") String id) {
        UUID reportId = Params.id(id, "Report");
        Caller caller = Caller.of(identity);
        return queries.get(reportId).map(report -> {
            caller.requireOwnerOrStaff("Report", reportId, report.reporterId);
            return views.full(report);
        });
    }

    /** Staff choose the category of a mailed report that named none; it then goes to review. */
    @POST
    @Path("/reports/{id}/triage")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN})
    public Uni<ReportResponse> triage(@PathParam("id") String id, TriageRequest request) {
        UUID reportId = Params.id(id, "Report");
        RequestValidator.ValidTriage triage = validator.triage(request);
        return transitions
                .triage(
                        reportId,
                        triage.category(),
                        triage.subcategory(),
                        Caller.of(identity).id())
                .map(views::full);
    }

    /** Staff release a report held while its notifier was muted: it goes to review (or triage) as filed. */
    @POST
    @Path("/reports/{id}/release")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN})
    public Uni<ReportResponse> release(@PathParam("id") String id) {
        return transitions
                .release(Params.id(id, "Report"), Caller.of(identity).id())
                .map(views::full);
    }

    /**
     * The notifier withdraws their own report while it is undecided (200 with the report, status WITHDRAWN); the
     * same answer again for a report already withdrawn; someone else's report 404, a decided one 409.
     */
    @POST
    @Path("/reports/{id}/withdraw")
    @RolesAllowed(Roles.USER)
    public Uni<ReportResponse> withdraw(@PathParam("id") String id, WithdrawRequest request) {
        UUID reportId = Params.id(id, "Report");
        String reason = validator.withdrawalReason(request);
        return transitions.withdraw(reportId, Caller.of(identity), reason).map(views::full);
    }

    /** Staff search by subject, category, status, source type, channel and filing time. */
    @GET
    @Path("/reports")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN})
    public Uni<Page<ReportResponse>> search(
            @QueryParam("subject") String subject,
            @QueryParam("category") String category,
            @QueryParam("status") String status,
            @QueryParam("source") String source,
            @QueryParam("channel") String channel,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        SearchCriteria criteria = new SearchCriteria(
                Params.subjectKey(subject, "subject"),
                Params.category(category, "category"),
                Params.oneOf(ReportStatus.class, status, "status"),
                Params.oneOf(SourceType.class, source, "source"),
                Params.oneOf(ReportChannel.class, channel, "channel"),
                Params.instant(from, "from"),
                Params.instant(to, "to"));
        int size = Params.limit(limit, DEFAULT_PAGE, MAX_PAGE);
        PageCursor after = PageCursor.decode(cursor);
        return queries.search(criteria, after, size + 1).map(rows -> views.page(rows, size));
    }

    /** The public view of a repository report: no token needed, never the reporter unless they opted in. */
    @GET
    @Path("/public/reports/{id}")
    @PermitAll
    public Uni<PublicReportResponse> publicView(@PathParam("id") String id) {
        return queries.getPublic(Params.id(id, "Report")).map(views::anonymous);
    }

    // --- helpers ---

    private RestResponse<ReportResponse> respond(Filing filed, UriInfo uri) {
        URI location = uri.getBaseUriBuilder()
                .path("api/v1/reports")
                .path(filed.report().id.toString())
                .build();
        RestResponse.Status status =
                filed.outcome() == ReportFiling.Outcome.MERGED ? RestResponse.Status.OK : RestResponse.Status.CREATED;
        RestResponse.ResponseBuilder<ReportResponse> response = RestResponse.ResponseBuilder.<ReportResponse>create(
                        status, views.full(filed.report()))
                .location(location);
        if (filed.outcome() == ReportFiling.Outcome.REPLAYED) {
            response.header("Idempotent-Replayed", "true");
        }
        if (filed.outcome() == ReportFiling.Outcome.MERGED) {
            response.header("Report-Merged", "true");
        }
        return response.build();
    }

    private Notifier notifier() {
        Caller caller = Caller.of(identity);
        String email = token.getClaim("email");
        String upn = token.getClaim("upn");
        if (email == null && upn != null && upn.contains("@")) {
            email = upn;
        }
        String name = token.getClaim("preferred_username");
        if (name == null) {
            name = upn != null ? upn : caller.id();
        }
        return new Notifier(NotifierKey.user(caller.id()), caller.id(), name, email);
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
