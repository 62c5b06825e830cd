package org.modhub.moderation.review.api;

import java.time.Clock;
import java.util.UUID;

import org.jboss.resteasy.reactive.RestResponse;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.taxonomy.Severity;
import org.modhub.moderation.kit.security.Caller;
import org.modhub.moderation.kit.validation.Page;
import org.modhub.moderation.kit.validation.PageCursor;
import org.modhub.moderation.kit.validation.Params;
import org.modhub.moderation.review.config.ReviewConfig;
import org.modhub.moderation.review.domain.CaseService;
import org.modhub.moderation.review.domain.CaseState;
import org.modhub.moderation.review.domain.DecisionService;
import org.modhub.moderation.review.domain.NewDecision;
import org.modhub.moderation.review.domain.OwnerService;
import org.modhub.moderation.review.domain.Ownership;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.CaseRepository.QueueFilter;

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

/**
 * The case queue and the work on one case: claim, release, reassign, escalate, notes, the subject as the hub knows
 * it, decide, the owner's answer.
 */
@Path("/api/v1/cases")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseResource {

    static final String MODERATOR = Roles.MODERATOR;
    static final String SENIOR = Roles.SENIOR_MODERATOR;

    private final CaseService cases;
    private final DecisionService decisions;
    private final OwnerService owners;
    private final Ownership ownership;
    private final DecisionChecks decisionChecks;
    private final ReviewConfig config;
    private final Views views;
    private final SecurityIdentity identity;
    private final Clock clock;

    public CaseResource(
            CaseService cases,
            DecisionService decisions,
            OwnerService owners,
            Ownership ownership,
            DecisionChecks decisionChecks,
            ReviewConfig config,
            Views views,
            SecurityIdentity identity,
            Clock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.owners = owners;
        this.ownership = ownership;
        this.decisionChecks = decisionChecks;
        this.config = config;
        this.views = views;
        this.identity = identity;
        this.clock = clock;
    }

    /** The queue for staff: most urgent first (priority, then due time), filtered, one cursor page at a time. */
    @GET
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN})
    public Uni<Page<Views.CaseSummary>> queue(
            @QueryParam("state") String state,
            @QueryParam("category") String category,
            @QueryParam("priority") String priority,
            @QueryParam("assignee") String assignee,
            @QueryParam("overdue") String overdue,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        QueueFilter filter = new QueueFilter(
                Params.oneOf(CaseState.class, state, "state"),
                Params.category(category, "category"),
                Params.oneOf(Severity.class, priority, "priority"),
                assignee == null || assignee.isBlank() ? null : assignee,
                Params.bool(overdue, "overdue"));
        int size = Params.limit(
                limit, config.limits().defaultPage(), config.limits().maxPage());
        return cases.queue(filter, PageCursor.decode(cursor), size + 1)
                .map(rows -> Page.of(rows, size, c -> new PageCursor(c.priority, c.dueAt, c.id), this::summary));
    }

    /** One case for staff: its reports (with reporter identity), notes, history, decisions and the subject's standing restrictions. */
    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN})
    public Uni<Views.CaseDetail> get(@PathParam("id") String id) {
        return cases.detail(caseId(id))
                .map(d -> new Views.CaseDetail(
                        views.summary(d.c(), clock.instant()),
                        d.reports().stream().map(views::report).toList(),
                        d.notes().stream().map(views::note).toList(),
                        d.history().stream().map(views::history).toList(),
                        d.decisions().stream().map(views::decision).toList(),
                        d.ownerRequests().stream().map(views::ownerRequest).toList(),
                        d.standing().stream().map(views::restriction).toList(),
                        d.strikeNoticeIds(),
                        d.links().stream().map(views::link).toList()));
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    public Uni<Views.CaseSummary> claim(@PathParam("id") String id) {
        return cases.claim(caseId(id), caller().id()).map(this::summary);
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    public Uni<Views.CaseSummary> release(@PathParam("id") String id) {
        Caller caller = caller();
        return cases.release(caseId(id), caller.id(), caller.hasRole(SENIOR)).map(this::summary);
    }

    @POST
    @Path("/{id}/reassign")
    @RolesAllowed({Roles.SENIOR_MODERATOR, Roles.ADMIN})
    public Uni<Views.CaseSummary> reassign(@PathParam("id") String id, Requests.ReassignRequest request) {
        UUID caseId = caseId(id);
        String to = Requests.required(request).valid();
        return cases.reassign(caseId, caller().id(), to).map(this::summary);
    }

    @POST
    @Path("/{id}/escalate")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    public Uni<Views.CaseSummary> escalate(@PathParam("id") String id, Requests.ReasonRequest request) {
        UUID caseId = caseId(id);
        String reason = Requests.required(request).valid(config.limits().maxText());
        return cases.escalateByHand(caseId, caller().id(), reason).map(this::summary);
    }

    @POST
    @Path("/{id}/notes")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN})
    public Uni<RestResponse<Views.NoteView>> note(@PathParam("id") String id, Requests.NoteRequest request) {
        UUID caseId = caseId(id);
        Requests.NoteRequest note =
                Requests.required(request).valid(config.limits().maxText());
        return cases.addNote(caseId, caller().id(), note.body(), note.shareable())
                .map(n -> RestResponse.status(RestResponse.Status.CREATED, views.note(n)));
    }

    /**
     * The case's subject as the hub directory knows it now, for staff to choose whom a decision concerns: visibility,
     * when it was posted and last changed, its owners (primary first; whether an e-mail is on file, never the
     * address) and, for a model, its base models. 422 {@code unknown-subject} naming {@code subject} when the hub no
     * longer has it; 503 with {@code Retry-After} when the hub cannot answer.
     */
    @GET
    @Path("/{id}/subject")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN})
    public Uni<Views.SubjectView> subject(@PathParam("id") String id) {
        return ownership.subjectOf(caseId(id)).map(views::subject);
    }

    /**
     * Decides a case the caller holds. 201 with the decision: ENFORCED at once, or PENDING_APPROVAL
     * when four eyes are needed (nothing is enforced until a senior moderator approves). The owner is
     * the request's {@code ownerId} (one of the subject's owners on the hub) or the primary owner, with
     * address, language and country from the hub directory, asked before anything is written: 422
     * {@code not-an-owner} naming {@code ownerId}, 422 {@code unknown-subject} naming {@code subject},
     * 503 with {@code Retry-After} when the hub cannot answer (nothing recorded; send it again).
     */
    @POST
    @Path("/{id}/decisions")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    public Uni<RestResponse<Views.DecisionView>> decide(@PathParam("id") String id, Requests.DecisionRequest request) {
        UUID caseId = caseId(id);
        NewDecision input = decisionChecks.decision(request, clock.instant());
        String moderator = caller().id();
        return ownership
                .forDecision(caseId, input.ownerId(), input.actions().contains(ModerationAction.REQUEST_CHANGES))
                .chain(hub -> decisions.decide(caseId, moderator, input, hub))
                .map(d -> RestResponse.status(RestResponse.Status.CREATED, views.decision(d)));
    }

    /**
     * What the decision in the body would send if it took effect now, built by the code that sends it: the statement
     * of reasons as the Transparency Database would get it and the owner's mail (template and model). The body is
     * checked as {@link #decide} checks it (the same 422 problems naming fields, the same owner from the hub);
     * nothing is written, so the case need not be claimed yet.
     */
    @POST
    @Path("/{id}/decisions/preview")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    public Uni<Views.DecisionPreviewView> preview(@PathParam("id") String id, Requests.DecisionRequest request) {
        UUID caseId = caseId(id);
        NewDecision input = decisionChecks.decision(request, clock.instant());
        String moderator = caller().id();
        return ownership
                .forDecision(caseId, input.ownerId(), input.actions().contains(ModerationAction.REQUEST_CHANGES))
                .chain(hub -> decisions.preview(caseId, moderator, input, hub))
                .map(views::preview);
    }

    /** The owner answers a request for changes: CHANGED (what they did) or DISPUTED (why). Anyone else gets 404. */
    @POST
    @Path("/{id}/owner-response")
    @RolesAllowed(Roles.USER)
    public Uni<Views.OwnerRequestView> ownerResponse(
            @PathParam("id") String id, Requests.OwnerResponseRequest request) {
        UUID caseId = caseId(id);
        Requests.OwnerResponseRequest answer =
                Requests.required(request).valid(config.limits().maxText());
        return owners.respond(caseId, caller().id(), answer.response(), answer.text())
                .map(views::ownerRequestForOwner);
    }

    private Views.CaseSummary summary(CaseEntity c) {
        return views.summary(c, clock.instant());
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    private static UUID caseId(String id) {
        return Params.id(id, "Case");
    }
}
