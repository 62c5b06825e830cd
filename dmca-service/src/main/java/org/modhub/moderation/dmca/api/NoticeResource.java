package org.modhub.moderation.dmca.api;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.event.dmca.NoticeChannel;
import org.modhub.moderation.dmca.api.Requests.DecisionRequest;
import org.modhub.moderation.dmca.api.Requests.NoticeRequest;
import org.modhub.moderation.dmca.domain.NoticeReview;
import org.modhub.moderation.dmca.domain.NoticeService;
import org.modhub.moderation.dmca.domain.NoticeStatus;
import org.modhub.moderation.dmca.domain.RestorationCountdown;
import org.modhub.moderation.dmca.domain.TakedownService;
import org.modhub.moderation.dmca.domain.ThreadMailService;
import org.modhub.moderation.dmca.domain.Uploaders;
import org.modhub.moderation.kit.problem.ProblemException;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.kit.validation.Params;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

/** Takedown notices: sent by anyone (no hub account needed), reviewed by legal. */
// One root path with TakedownResource: JAX-RS picks the longest class path first, so a deeper class path
// would hide TakedownResource's /notices/{id}/counter-notices.
@Path("/api/v1/dmca")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoticeResource {

    private static final int MAX_PAGE = 100;

    private final NoticeService notices;
    private final NoticeReview review;
    private final TakedownService takedowns;
    private final ThreadMailService threadMails;
    private final NoticeRequestChecks checks;
    private final Uploaders uploaders;
    private final RestorationCountdown countdown;
    private final SecurityIdentity identity;

    public NoticeResource(
            NoticeService notices,
            NoticeReview review,
            TakedownService takedowns,
            ThreadMailService threadMails,
            NoticeRequestChecks checks,
            Uploaders uploaders,
            RestorationCountdown countdown,
            SecurityIdentity identity) {
        this.notices = notices;
        this.review = review;
        this.takedowns = takedowns;
        this.threadMails = threadMails;
        this.checks = checks;
        this.uploaders = uploaders;
        this.countdown = countdown;
        this.identity = identity;
    }

    /**
     * Sends a notice under 17 U.S.C. 512(c)(3)(A). 201 either way: complete ({@code PENDING_REVIEW})
     * or kept as {@code INCOMPLETE} with each missing element named; the sender is mailed a receipt or
     * a request to revise. Rate-limited per client address and per sender email (429). A URL naming
     * what the hub does not have: 422 {@code unknown-subject}, nothing kept.
     */
    @POST
    @Path("/notices")
    @PermitAll
    public Uni<RestResponse<Views.NoticeReceipt>> send(
            NoticeRequest request, @Context HttpServerRequest http, @Context UriInfo uri) {
        var input = checks.notice(request);
        String address =
                http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        return notices.file(input, new NoticeService.Intake(NoticeChannel.WEB_FORM, address, null, null))
                .map(notice -> RestResponse.ResponseBuilder.<Views.NoticeReceipt>create(
                                RestResponse.Status.CREATED, Views.NoticeReceipt.of(notice))
                        .location(URI.create(uri.getBaseUri().toString().replaceFirst("/$", "")
                                + "/api/v1/dmca/notices/" + notice.id))
                        .build());
    }

    /** Legal's queue: notices of one status (default: waiting for review), oldest first; {@code nextCursor} continues. */
    @GET
    @Path("/notices")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    public Uni<Page<Views.NoticeSummary>> queue(
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        NoticeStatus s = status == null || status.isBlank()
                ? NoticeStatus.PENDING_REVIEW
                : Params.oneOf(NoticeStatus.class, status, "status");
        PageCursor after = PageCursor.decode(cursor);
        int size = Params.limit(limit, 50, MAX_PAGE);
        return review.queue(s, after, size + 1)
                .map(rows -> Page.of(rows, size, NoticeReview::cursorOf, Views.NoticeSummary::of));
    }

    /** One notice for legal: its elements, contact details, abuse signals, takedowns and counter-notices. */
    @GET
    @Path("/notices/{id}")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    public Uni<Views.NoticeView> get(@PathParam("id") String id) {
        UUID noticeId = Params.id(id, "Notice");
        return review.get(noticeId)
                .chain(notice -> review.signals(notice)
                        .chain(signals -> takedowns
                                .details(noticeId)
                                .chain(details -> threadMails
                                        .ofNotice(noticeId)
                                        .map(mail -> Views.NoticeView.of(
                                                notice,
                                                signals,
                                                details.stream()
                                                        .map(d -> Views.TakedownView.of(
                                                                d.takedown(), d.counterNotice(), countdown))
                                                        .toList(),
                                                mail.stream()
                                                        .map(Views.ThreadMailView::of)
                                                        .toList())))));
    }

    /**
     * The owners the hub directory gives for each of the notice's subjects now, for legal to choose
     * the uploaders among (503 + {@code Retry-After} when the hub does not answer).
     */
    @GET
    @Path("/notices/{id}/owners")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    public Uni<Views.NoticeOwners> owners(@PathParam("id") String id) {
        UUID noticeId = Params.id(id, "Notice");
        return review.get(noticeId)
                .chain(notice -> uploaders.ownersOf(notice.subjects()))
                .map(subjects -> Views.NoticeOwners.of(noticeId, subjects));
    }

    /**
     * Legal accepts (the uploaders chosen among the hub's owners, or each subject's primary owner) or rejects (with one of the reasons and an explanation)
     * a notice.
     */
    @POST
    @Path("/notices/{id}/decision")
    @RolesAllowed(Roles.LEGAL)
    public Uni<Views.NoticeView> decide(@PathParam("id") String id, DecisionRequest request) {
        UUID noticeId = Params.id(id, "Notice");
        if (request == null || request.decision() == null) {
            throw ProblemException.invalidField("decision", "must be ACCEPT or REJECT");
        }
        String reviewer = Caller.of(identity).id();
        Uni<?> decided = switch (request.decision().strip().toUpperCase(Locale.ROOT)) {
            case "ACCEPT" -> {
                var acceptance = checks.acceptance(request);
                yield review.accept(noticeId, acceptance.owners(), acceptance.note(), reviewer);
            }
            case "REJECT" -> {
                var rejection = checks.rejection(request);
                yield review.reject(noticeId, rejection.reason(), rejection.explanation(), reviewer);
            }
            default -> throw ProblemException.invalidField("decision", "must be ACCEPT or REJECT");
        };
        return decided.chain(() -> get(id));
    }
}
