package org.modhub.moderation.review.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.matching.MatchedFile;
import org.modhub.moderation.kit.audit.AuditEntry;
import org.modhub.moderation.kit.config.KitConfig;
import org.modhub.moderation.kit.hub.HubSubject;
import org.modhub.moderation.review.domain.DecisionPreview;
import org.modhub.moderation.review.domain.StatementOfReasons;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.CaseLinkEntity;
import org.modhub.moderation.review.persistence.CaseNoteEntity;
import org.modhub.moderation.review.persistence.CaseReportEntity;
import org.modhub.moderation.review.persistence.DecisionEntity;
import org.modhub.moderation.review.persistence.OwnerRequestEntity;
import org.modhub.moderation.review.persistence.PolicyVersionEntity;
import org.modhub.moderation.review.persistence.RestrictionEntity;

import com.fasterxml.jackson.annotation.JsonRawValue;

import jakarta.enterprise.context.ApplicationScoped;

/** Response bodies, and the mapping from rows to what each audience may see. */
@ApplicationScoped
public class Views {

    private final KitConfig kit;

    public Views(KitConfig kit) {
        this.kit = kit;
    }

    public record CaseSummary(
            UUID id,
            String subject,
            String state,
            String category,
            String subcategory,
            String severity,
            int priority,
            boolean escalated,
            String escalationReason,
            int reportCount,
            int trustedReports,
            String assignee,
            Instant dueAt,
            boolean overdue,
            String origin,
            String returnReason,
            Instant openedAt,
            Instant updatedAt,
            Instant closedAt,
            String recommendedAction,
            UUID linkedDecisionId,
            UUID linkedDecisionReversedBy,
            String linkedSubject,
            String detection,
            List<String> chain,
            List<MatchedFileView> matchedFiles) {}

    /** A file of a re-upload whose content hash is banked. */
    public record MatchedFileView(String path, String sha256) {}

    /**
     * One tie between a case and content a decision removed, as matching-service reported it.
     *
     * @param detection REUPLOAD, BASE_MODEL or DERIVATIVE
     * @param linkedDecisionId the decision that removed the content; null for an imported list's entry
     * @param linkedSubject the removed content: the decision's subject, the base model, the root of the chain
     * @param listSource for an imported list's entry, the list it names
     * @param reason the bank entry's reason
     * @param verdict what the hub was told to do with the upload (REFUSE, HOLD_FOR_REVIEW); null for a derivative
     * @param relation for a derivative, how it derives from the model above it (FINETUNE, ADAPTER, QUANTIZED, MERGE)
     * @param chain for a derivative, the models from the removed one (excluded) down to the case's subject
     * @param matchedFiles for a re-upload, the files whose content hashes are banked
     */
    public record CaseLinkView(
            String detection,
            UUID linkedDecisionId,
            String linkedSubject,
            String listSource,
            String reason,
            String verdict,
            String relation,
            List<String> chain,
            List<MatchedFileView> matchedFiles,
            Instant linkedAt) {}

    /** A report in the staff view: with the reporter's identity, which never leaves staff views. */
    public record ReportView(
            UUID reportId,
            String category,
            String subcategory,
            String severity,
            String explanation,
            List<String> evidenceUrls,
            String channel,
            String sourceType,
            boolean automatedDetection,
            boolean trustedFlagger,
            String reporterId,
            String reporterEmail,
            String jurisdiction,
            Instant filedAt,
            Instant withdrawnAt) {}

    public record NoteView(UUID id, String author, String body, boolean shareable, Instant createdAt) {}

    public record HistoryEntry(
            long id, Instant at, String actor, String action, String entityType, String entityId, String detail) {}

    public record OwnerRequestView(
            UUID id,
            String ownerId,
            String message,
            Instant deadline,
            String requestedBy,
            Instant requestedAt,
            String response,
            String responseText,
            String respondedVia,
            Instant respondedAt,
            Instant expiredAt) {}

    public record CaseDetail(
            CaseSummary summary,
            List<ReportView> reports,
            List<NoteView> notes,
            List<HistoryEntry> history,
            List<DecisionView> decisions,
            List<OwnerRequestView> ownerRequests,
            List<RestrictionView> standingRestrictions,
            List<UUID> strikeNoticeIds,
            List<CaseLinkView> links) {}

    public record DecisionView(
            UUID id,
            UUID caseId,
            String kind,
            String status,
            String subject,
            String ownerId,
            String ownerCountry,
            Instant contentDate,
            List<ModerationAction> actions,
            String ground,
            String category,
            String subcategory,
            List<String> territorialScope,
            Instant endDate,
            String facts,
            String explanation,
            String policyVersion,
            String decidedBy,
            String approvedBy,
            String automatedDecision,
            String origin,
            List<UUID> reportIds,
            UUID noticeId,
            UUID appealId,
            boolean manifestlyUnfounded,
            boolean needsApproval,
            UUID reversesDecisionId,
            String rejectedBy,
            String rejectionReason,
            StatementOfReasons statementOfReasons,
            Instant createdAt,
            Instant decidedAt) {}

    /**
     * A case's subject as the hub directory knows it now (for staff).
     *
     * @param owners primary owner first (the one notices go to), then an organisation's admins
     * @param baseModels for a model, what its card names as {@code base_model}
     */
    public record SubjectView(
            String subject,
            String visibility,
            Instant createdAt,
            Instant lastModified,
            List<SubjectOwnerView> owners,
            List<BaseModelView> baseModels) {}

    /**
     * An owner staff may choose as a decision's {@code ownerId}.
     *
     * @param hasEmail whether the hub has an address for notices (needed to ask for changes); the address itself
     *     stays out of views
     */
    public record SubjectOwnerView(
            String id, String name, String type, String language, String country, boolean hasEmail) {}

    public record BaseModelView(String model, String relation) {}

    public record RestrictionView(
            UUID id,
            String subject,
            ModerationAction action,
            UUID decisionId,
            List<String> territorialScope,
            Instant imposedAt,
            Instant endDate) {}

    public record PolicyVersionView(
            String version,
            String title,
            String url,
            String summary,
            Instant effectiveAt,
            String postedBy,
            Instant postedAt) {}

    /**
     * What a decision would send if it took effect now ({@code POST /cases/{id}/decisions/preview}).
     *
     * @param statement the statement as the Transparency Database would get it (its {@code puid} is the decision's,
     *     so a submitted decision's differs); null when none would go there, then {@code statementNote} says why
     * @param statementProblems why the database would refuse it, in its own words
     * @param statementOfReasons the hub's own statement, as the owner's mail and the decision carry it
     * @param ownerMail the owner's first mail (the statement of reasons, or the request for changes); null: none
     * @param ownerMails every mail the owner would get, in order
     * @param needsApproval whether the decision would wait for a senior moderator (four eyes)
     */
    public record DecisionPreviewView(
            @JsonRawValue String statement,
            String statementNote,
            List<String> statementProblems,
            StatementOfReasons statementOfReasons,
            OwnerMailView ownerMail,
            List<OwnerMailView> ownerMails,
            boolean needsApproval) {}

    /**
     * A mail as review-service would ask notification-service for it (its {@code NotificationRequested}): the
     * template and the model it is rendered with.
     *
     * @param mailed whether the hub has an address for the owner (without one nothing is mailed)
     */
    public record OwnerMailView(
            String templateId,
            String locale,
            Map<String, String> parameters,
            String recipientUserId,
            boolean mailed,
            String threadKey,
            String replyMailbox) {}

    public DecisionPreviewView preview(DecisionPreview p) {
        List<OwnerMailView> mails = p.ownerMails().stream()
                .map(m -> new OwnerMailView(
                        m.template().id(),
                        m.locale() != null ? m.locale() : kit.mail().locale(),
                        new TreeMap<>(m.parameters()),
                        m.userId(),
                        m.email() != null,
                        m.threadKey(),
                        m.replyMailbox()))
                .toList();
        String note = p.submitted() != null
                ? null
                : !p.restricts()
                        ? "No statement goes to the Transparency Database: no action restricts the subject."
                        : "The Transparency Database would refuse this statement; nothing would be sent.";
        return new DecisionPreviewView(
                p.submitted(),
                note,
                p.problems(),
                p.statement(),
                mails.isEmpty() ? null : mails.get(0),
                mails,
                p.needsApproval());
    }

    public CaseSummary summary(CaseEntity c, Instant now) {
        return new CaseSummary(
                c.id,
                c.subjectKey,
                c.state.name(),
                c.category.code(),
                c.subcategory == null ? null : c.subcategory.code(),
                c.severity.name(),
                c.priority,
                c.escalated,
                c.escalationReason == null ? null : c.escalationReason.name(),
                c.reportCount,
                c.trustedReports,
                c.assignee,
                c.dueAt,
                c.closedAt == null && c.dueAt.isBefore(now),
                c.origin.name(),
                c.returnReason,
                c.openedAt,
                c.updatedAt,
                c.closedAt,
                c.recommendedAction == null ? null : c.recommendedAction.name(),
                c.linkedDecisionId,
                c.linkedDecisionReversedBy,
                c.linkedSubject,
                c.detection == null ? null : c.detection.name(),
                c.chain == null ? List.of() : c.chain,
                files(c.matchedFiles()));
    }

    public CaseLinkView link(CaseLinkEntity l) {
        return new CaseLinkView(
                l.detection.name(),
                l.linkedDecisionId,
                l.linkedSubject,
                l.listSource,
                l.reason,
                l.verdict,
                l.relation,
                l.chain == null ? List.of() : l.chain,
                files(l.matchedFiles()),
                l.linkedAt);
    }

    private static List<MatchedFileView> files(List<MatchedFile> files) {
        return files == null
                ? List.of()
                : files.stream()
                        .map(f -> new MatchedFileView(f.path(), f.sha256()))
                        .toList();
    }

    public ReportView report(CaseReportEntity r) {
        return new ReportView(
                r.reportId,
                r.category.code(),
                r.subcategory == null ? null : r.subcategory.code(),
                r.severity.name(),
                r.explanation,
                r.evidenceUrls,
                r.channel.name(),
                r.sourceType.name(),
                r.automatedDetection,
                r.trustedFlagger,
                r.reporterId,
                r.reporterEmail,
                r.jurisdiction,
                r.filedAt,
                r.withdrawnAt);
    }

    public NoteView note(CaseNoteEntity n) {
        return new NoteView(n.id, n.author, n.body, n.shareable, n.createdAt);
    }

    public HistoryEntry history(AuditEntry a) {
        return new HistoryEntry(a.id(), a.at(), a.actor(), a.action(), a.entityType(), a.entityId(), a.detail());
    }

    public OwnerRequestView ownerRequest(OwnerRequestEntity r) {
        return new OwnerRequestView(
                r.id,
                r.ownerId,
                r.message,
                r.deadline,
                r.requestedBy,
                r.requestedAt,
                r.response,
                r.responseText,
                r.respondedVia,
                r.respondedAt,
                r.expiredAt);
    }

    public DecisionView decision(DecisionEntity d) {
        return new DecisionView(
                d.id,
                d.caseId,
                d.kind.name(),
                d.status.name(),
                d.subjectKey,
                d.ownerId,
                d.ownerCountry,
                d.contentDate,
                d.actions(),
                d.ground == null ? null : d.ground.name(),
                d.category.code(),
                d.subcategory == null ? null : d.subcategory.code(),
                d.territorialScope,
                d.endDate,
                d.facts,
                d.explanation,
                d.policyVersion,
                d.decidedBy,
                d.approvedBy,
                d.automatedDecision.name(),
                d.origin.name(),
                d.reportIds,
                d.noticeId,
                d.appealId,
                d.manifestlyUnfounded,
                d.needsApproval,
                d.reversesDecisionId,
                d.rejectedBy,
                d.rejectionReason,
                d.statement,
                d.createdAt,
                d.decidedAt);
    }

    /**
     * The decision as its owner sees it: everything the statement of reasons says, but not which staff
     * member decided, approved or rejected it (staff and auditors see that; the owner never does).
     */
    public DecisionView decisionForOwner(DecisionEntity d) {
        DecisionView v = decision(d);
        return new DecisionView(
                v.id(),
                v.caseId(),
                v.kind(),
                v.status(),
                v.subject(),
                v.ownerId(),
                v.ownerCountry(),
                v.contentDate(),
                v.actions(),
                v.ground(),
                v.category(),
                v.subcategory(),
                v.territorialScope(),
                v.endDate(),
                v.facts(),
                v.explanation(),
                v.policyVersion(),
                null,
                null,
                v.automatedDecision(),
                v.origin(),
                v.reportIds(),
                v.noticeId(),
                v.appealId(),
                v.manifestlyUnfounded(),
                v.needsApproval(),
                v.reversesDecisionId(),
                null,
                null,
                v.statementOfReasons(),
                v.createdAt(),
                v.decidedAt());
    }

    /** An owner request as the owner sees it: without the staff member who made it. */
    public OwnerRequestView ownerRequestForOwner(OwnerRequestEntity r) {
        OwnerRequestView v = ownerRequest(r);
        return new OwnerRequestView(
                v.id(),
                v.ownerId(),
                v.message(),
                v.deadline(),
                null,
                v.requestedAt(),
                v.response(),
                v.responseText(),
                v.respondedVia(),
                v.respondedAt(),
                v.expiredAt());
    }

    public SubjectView subject(HubSubject s) {
        return new SubjectView(
                s.ref().key(),
                s.visibility().name(),
                s.createdAt(),
                s.lastModified(),
                s.owners().stream()
                        .map(o -> new SubjectOwnerView(
                                o.id(), o.name(), o.type().name(), o.language(), o.country(), o.email() != null))
                        .toList(),
                s.baseModels().stream()
                        .map(b ->
                                new BaseModelView(b.model().key(), b.relation().name()))
                        .toList());
    }

    public RestrictionView restriction(RestrictionEntity r) {
        return new RestrictionView(
                r.id, r.subjectKey, r.action, r.decisionId, r.territorialScope, r.imposedAt, r.endDate);
    }

    public PolicyVersionView policy(PolicyVersionEntity v) {
        return new PolicyVersionView(v.version, v.title, v.url, v.summary, v.effectiveAt, v.postedBy, v.postedAt);
    }
}
