package org.modhub.moderation.console.cases;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.modhub.moderation.console.services.CaseDetail;
import org.modhub.moderation.console.services.DecisionPreview;
import org.modhub.moderation.console.services.ReviewApi;
import org.modhub.moderation.console.services.SubjectFacts;
import org.modhub.moderation.console.services.TemplatePreviewApi;
import org.modhub.moderation.console.web.Refusal;
import org.modhub.moderation.console.web.SignedIn;
import org.modhub.moderation.contracts.Roles;
import org.modhub.moderation.contracts.action.DecisionGround;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.taxonomy.LegalProvision;
import org.modhub.moderation.contracts.taxonomy.PolicyCategory;
import org.modhub.moderation.contracts.taxonomy.PolicyClause;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * One case: its subject as the hub knows it, the reports with their reporters, notes, history, the restrictions
 * standing on the subject, the work on it (claim, release, escalate) and the decision, with a live preview of
 * exactly what the owner and the Transparency Database would get. Buttons show only to those who may use them, when
 * they apply; review-service still decides, and its refusals are shown as it words them.
 */
@Path("/cases/{id}")
@Produces(MediaType.TEXT_HTML)
public class CaseResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(CasePage page);

        static native TemplateInstance page$notes(CasePage page);

        static native TemplateInstance preview(PreviewView preview);
    }

    /** The decide form's choices, from the contracts: what the service accepts. */
    public record Choices(
            List<ModerationAction> actions,
            List<DecisionGround> grounds,
            List<PolicyCategory> categories,
            List<LegalProvision> provisions,
            List<PolicyClause> clauses) {

        static final Choices ALL = new Choices(
                Arrays.asList(ModerationAction.values()),
                Arrays.asList(DecisionGround.values()),
                Arrays.asList(PolicyCategory.values()),
                Arrays.asList(LegalProvision.values()),
                Arrays.asList(PolicyClause.values()));
    }

    /**
     * Everything the page shows.
     *
     * @param subjectProblem why the hub's facts are missing (the hub cannot answer, or no longer has the subject)
     * @param decided the decision just submitted from this page, to say plainly what became of it
     * @param linkedCases for each decision the case is linked to (removed content matched again), the case it was
     *     taken on, where review-service names it to this person; absent: shown without a link
     */
    public record CasePage(
            String id,
            CaseDetail detail,
            Map<String, String> linkedCases,
            SubjectFacts subject,
            String subjectProblem,
            CaseDetail.Decision decided,
            Choices choices,
            boolean canClaim,
            boolean canRelease,
            boolean canEscalate,
            boolean canDecide,
            boolean canNote) {

        public String state() {
            return detail.summary().state();
        }
    }

    /** The live preview: what would be sent, or why the form cannot be decided as it stands. */
    public record PreviewView(
            Refusal problem,
            boolean needsApproval,
            List<MailView> mails,
            String statement,
            String statementNote,
            List<String> statementProblems) {}

    /** One mail as the owner would read it, or why it could not be rendered (with its model, so nothing is hidden). */
    public record MailView(
            String templateId, boolean mailed, String subject, String text, String error, String model) {}

    @Inject
    @RestClient
    ReviewApi review;

    @Inject
    @RestClient
    TemplatePreviewApi templates;

    @Inject
    SignedIn me;

    @GET
    public Uni<TemplateInstance> page(@PathParam("id") String id, @QueryParam("decided") String decided) {
        return load(id, decided).map(Templates::page);
    }

    @POST
    @Path("claim")
    public Uni<Response> claim(@PathParam("id") String id) {
        return review.claim(id).map(c -> reload(id));
    }

    @POST
    @Path("release")
    public Uni<Response> release(@PathParam("id") String id) {
        return review.release(id).map(c -> reload(id));
    }

    @POST
    @Path("escalate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> escalate(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", form.getFirst("reason"));
        return review.escalate(id, body).map(c -> reload(id));
    }

    /** Adds a note; the notes come back as the service now lists them, with an empty form. */
    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> note(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new HashMap<>();
        body.put("body", form.getFirst("body"));
        String visibility = form.getFirst("visibility");
        body.put("shareable", visibility == null ? null : "shareable".equals(visibility));
        return review.note(id, body).chain(n -> load(id, null)).map(Templates::page$notes);
    }

    /** Decides; the page reloads and says what became of the decision (in effect, or waiting for approval). */
    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> decide(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return review.decide(id, DecisionForm.body(form))
                .map(d -> Response.ok()
                        .header("HX-Redirect", "/cases/" + id + "?decided=" + d.id())
                        .build());
    }

    /**
     * What the form's decision would send, as review-service builds it, with the owner's mails rendered by
     * notification-service's templates. A form not complete yet shows what is missing here, not as a page-wide
     * refusal: the person is still typing.
     */
    @POST
    @Path("decisions/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<TemplateInstance> preview(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return review.previewDecision(id, DecisionForm.body(form))
                .chain(this::rendered)
                .onFailure()
                .recoverWithItem(
                        e -> new PreviewView(Refusal.of(e, "review-service"), false, List.of(), null, null, List.of()))
                .map(Templates::preview);
    }

    private Uni<PreviewView> rendered(DecisionPreview p) {
        String statement = p.statement() == null || p.statement().isNull()
                ? null
                : p.statement().toPrettyString();
        if (p.ownerMails().isEmpty()) {
            return Uni.createFrom()
                    .item(new PreviewView(
                            null, p.needsApproval(), List.of(), statement, p.statementNote(), p.statementProblems()));
        }
        return templates
                .templates()
                .onFailure()
                .recoverWithItem(List.of())
                .chain(known -> {
                    List<Uni<MailView>> mails = new ArrayList<>();
                    for (DecisionPreview.OwnerMail mail : p.ownerMails()) {
                        mails.add(render(mail, known));
                    }
                    return Uni.join().all(mails).andFailFast();
                })
                .map(mails -> new PreviewView(
                        null, p.needsApproval(), mails, statement, p.statementNote(), p.statementProblems()));
    }

    /**
     * One mail through notification-service's preview. Parameters the decision leaves unset are sent as null, or the
     * preview would fill them with the template's sample values and show the owner something they will not get.
     */
    private Uni<MailView> render(DecisionPreview.OwnerMail mail, List<TemplatePreviewApi.Template> known) {
        Map<String, String> parameters = new HashMap<>(mail.parameters());
        known.stream()
                .filter(t -> t.id().equals(mail.templateId()))
                .findFirst()
                .ifPresent(t -> t.optional().forEach(name -> parameters.putIfAbsent(name, null)));
        return templates
                .preview(mail.templateId(), new TemplatePreviewApi.Request(mail.locale(), parameters))
                .map(r -> new MailView(mail.templateId(), mail.mailed(), r.subject(), r.text(), null, null))
                .onFailure()
                .recoverWithItem(e -> {
                    Refusal problem = Refusal.of(e, "notification-service");
                    return new MailView(
                            mail.templateId(),
                            mail.mailed(),
                            null,
                            null,
                            problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()),
                            new java.util.TreeMap<>(mail.parameters()).toString());
                });
    }

    private Uni<CasePage> load(String id, String decided) {
        Uni<CaseDetail> detail = review.caseDetail(id);
        Uni<Object> subject = review.subject(id)
                .map(s -> (Object) s)
                .onFailure()
                .recoverWithItem(e -> {
                    Refusal p = Refusal.of(e, "review-service");
                    return p.title() + (p.detail() == null ? "" : ": " + p.detail());
                });
        return Uni.combine()
                .all()
                .unis(detail, subject)
                .asTuple()
                .chain(t ->
                        linkedCases(t.getItem1()).map(linked -> page(id, t.getItem1(), linked, t.getItem2(), decided)));
    }

    /**
     * The cases of the decisions this case is linked to (a re-upload or derivative of content they removed), so the
     * page can link to them. A decision the service does not show this person is left without a link.
     */
    private Uni<Map<String, String>> linkedCases(CaseDetail detail) {
        List<String> decisionIds = detail.links().stream()
                .map(CaseDetail.Link::linkedDecisionId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        if (decisionIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Uni<Map.Entry<String, String>>> lookups = decisionIds.stream()
                .map(decisionId -> review.decision(decisionId)
                        .map(d -> d.get("caseId") instanceof String caseId ? Map.entry(decisionId, caseId) : null)
                        .onFailure()
                        .recoverWithNull())
                .toList();
        return Uni.join().all(lookups).andCollectFailures().map(found -> {
            Map<String, String> out = new HashMap<>();
            found.stream().filter(java.util.Objects::nonNull).forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    private CasePage page(
            String id, CaseDetail detail, Map<String, String> linkedCases, Object subject, String decided) {
        String state = detail.summary().state();
        String assignee = detail.summary().assignee();
        boolean decider = me.hasAny(Roles.MODERATOR, Roles.SENIOR_MODERATOR);
        boolean holder = me.id().equals(assignee);
        CaseDetail.Decision just = decided == null
                ? null
                : detail.decisions().stream()
                        .filter(d -> decided.equals(d.id()))
                        .findFirst()
                        .orElse(null);
        return new CasePage(
                id,
                detail,
                linkedCases,
                subject instanceof SubjectFacts s ? s : null,
                subject instanceof String problem ? problem : null,
                just,
                Choices.ALL,
                decider && "OPEN".equals(state),
                decider && "CLAIMED".equals(state) && (holder || me.has(Roles.SENIOR_MODERATOR)),
                decider
                        && ("OPEN".equals(state) || "CLAIMED".equals(state))
                        && !detail.summary().escalated(),
                decider && "CLAIMED".equals(state) && holder,
                me.hasAny(Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.LEGAL, Roles.ADMIN));
    }

    /** After a change that alters what the page offers, htmx loads the page anew. */
    private static Response reload(String id) {
        return Response.ok()
                .header("HX-Redirect", URI.create("/cases/" + id).toString())
                .build();
    }
}
