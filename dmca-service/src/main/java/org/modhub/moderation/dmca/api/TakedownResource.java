package org.modhub.moderation.dmca.api;

import java.util.List;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.dmca.api.Requests.CounterNoticeRequest;
import org.modhub.moderation.dmca.api.Requests.CourtActionRequest;
import org.modhub.moderation.dmca.domain.CounterNoticeService;
import org.modhub.moderation.dmca.domain.RestorationClock;
import org.modhub.moderation.dmca.domain.RestorationCountdown;
import org.modhub.moderation.dmca.domain.StrikeService;
import org.modhub.moderation.dmca.domain.TakedownService;
import org.modhub.moderation.dmca.domain.TakedownStatus;
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

/** What follows a takedown: the owner's side (files removed, counter-notice), the claimant's court action, strikes. */
@Path("/api/v1/dmca")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TakedownResource {

    private static final int MAX_PAGE = 100;

    private final TakedownService takedowns;
    private final CounterNoticeService counterNotices;
    private final RestorationClock restoration;
    private final StrikeService strikes;
    private final RestorationCountdown countdown;
    private final TakedownRequestChecks checks;
    private final SecurityIdentity identity;

    public TakedownResource(
            TakedownService takedowns,
            CounterNoticeService counterNotices,
            RestorationClock restoration,
            StrikeService strikes,
            RestorationCountdown countdown,
            TakedownRequestChecks checks,
            SecurityIdentity identity) {
        this.takedowns = takedowns;
        this.counterNotices = counterNotices;
        this.restoration = restoration;
        this.strikes = strikes;
        this.countdown = countdown;
        this.checks = checks;
        this.identity = identity;
    }

    /**
     * A counter-notice under 17 U.S.C. 512(g)(3), by the uploader whose content the notice took
     * down; anyone else gets 404. 422 names each deficient element. Valid: 201, forwarded to the
     * claimant, restoration scheduled.
     */
    @POST
    @Path("/notices/{id}/counter-notices")
    @RolesAllowed(Roles.USER)
    public Uni<RestResponse<Views.CounterNoticeView>> counterNotice(
            @PathParam("id") String id, CounterNoticeRequest request) {
        UUID noticeId = Params.id(id, "Notice");
        var input = checks.counterNotice(request);
        return counterNotices
                .counterNotice(noticeId, Caller.of(identity).id(), input)
                .map(c -> RestResponse.status(RestResponse.Status.CREATED, Views.CounterNoticeView.of(c, countdown)));
    }

    /**
     * Legal's list of takedowns, of one status or all, oldest first, each with its counter-notice and,
     * while the restoration clock runs, its countdown in business days; {@code nextCursor} continues.
     */
    @GET
    @Path("/takedowns")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    public Uni<Page<Views.TakedownView>> list(
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        TakedownStatus s =
                status == null || status.isBlank() ? null : Params.oneOf(TakedownStatus.class, status, "status");
        PageCursor after = PageCursor.decode(cursor);
        int size = Params.limit(limit, 50, MAX_PAGE);
        return takedowns
                .list(s, after, size + 1)
                .map(rows -> Page.of(
                        rows,
                        size,
                        d -> TakedownService.cursorOf(d.takedown()),
                        d -> Views.TakedownView.of(d.takedown(), d.counterNotice(), countdown)));
    }

    /** The uploader's takedowns: the redacted notice, status, and the restoration date once countered. */
    @GET
    @Path("/takedowns/mine")
    @RolesAllowed(Roles.USER)
    public Uni<List<Views.UploaderTakedownView>> mine() {
        return takedowns
                .mine(Caller.of(identity).id())
                .map(list -> list.stream()
                        .map(d -> Views.UploaderTakedownView.of(d.takedown(), d.notice(), d.counterNotice()))
                        .toList());
    }

    /** The owner removed the infringing files within the window: only they stay down. */
    @POST
    @Path("/takedowns/{id}/files-removed")
    @RolesAllowed(Roles.USER)
    public Uni<Views.TakedownView> filesRemoved(@PathParam("id") String id) {
        UUID takedownId = Params.id(id, "Takedown");
        return takedowns
                .filesRemoved(takedownId, Caller.of(identity).id())
                .map(t -> Views.TakedownView.of(t, null, countdown));
    }

    /** Legal records the claimant's court-action evidence before the deadline: no restoration. */
    @POST
    @Path("/counter-notices/{id}/court-action")
    @RolesAllowed(Roles.LEGAL)
    public Uni<Views.CounterNoticeView> courtAction(@PathParam("id") String id, CourtActionRequest request) {
        UUID counterNoticeId = Params.id(id, "Counter-notice");
        var evidence = checks.courtAction(request);
        return restoration
                .courtAction(counterNoticeId, evidence, Caller.of(identity).id())
                .map(c -> Views.CounterNoticeView.of(c, countdown));
    }

    /** An account's strikes in force (within the lookback), oldest first, and whether it is a repeat infringer. */
    @GET
    @Path("/strikes/{accountId}")
    @RolesAllowed({Roles.LEGAL, Roles.ADMIN})
    public Uni<Views.StrikesView> strikes(@PathParam("accountId") String accountId) {
        return strikes.inForce(accountId)
                .map(list -> new Views.StrikesView(
                        accountId,
                        list.size(),
                        strikes.threshold(),
                        strikes.repeatInfringer(list.size()),
                        list.stream().map(Views.StrikeView::of).toList()));
    }
}
