package org.modhub.moderation.review.domain;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.modhub.moderation.contracts.MailRoutes;
import org.modhub.moderation.contracts.Mailboxes;
import org.modhub.moderation.contracts.action.AutomatedDecision;
import org.modhub.moderation.contracts.action.ModerationAction;
import org.modhub.moderation.contracts.event.notification.MailTemplateId;
import org.modhub.moderation.contracts.event.notification.NotificationRequested;
import org.modhub.moderation.kit.mail.MailRequest;
import org.modhub.moderation.kit.mail.MailRequests;
import org.modhub.moderation.review.persistence.CaseEntity;
import org.modhub.moderation.review.persistence.DecisionEntity;
import org.modhub.moderation.review.persistence.OwnerRequestEntity;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The owner's mails, in the caller's transaction: the statement of reasons, a reversal, a request for changes.
 * They carry codes and facts (the templates own the words), never who reported and never which staff member
 * decided. A reply is routed by its thread: the request for changes is on {@code case:<id>} (this service reads
 * the owner's answer back); the statement and a reversal are on {@code decision:<id>} with replies to legal@, so a
 * reply reaches appeals-service as a complaint about that decision (DSA Art. 20).
 */
@ApplicationScoped
public class OwnerNotices {

    private final MailRequests mail;

    public OwnerNotices(MailRequests mail) {
        this.mail = mail;
    }

    /** The thread of a case's request for changes: a reply is the owner's answer, read back by this service. */
    public static String caseThread(UUID caseId) {
        return NotificationRequested.threadKey(MailRoutes.ThreadKind.CASE.prefix(), caseId);
    }

    /** The thread of a decision's mail: a reply contests the decision, and appeals-service takes it. */
    public static String decisionThread(UUID decisionId) {
        return NotificationRequested.threadKey(MailRoutes.ThreadKind.DECISION.prefix(), decisionId);
    }

    /** A decision took effect: the statement of reasons and when the internal complaint closes (DSA Art. 17, 20). */
    Uni<Void> decided(DecisionEntity d, List<ModerationAction> actions, List<String> scope) {
        return mail.send(decidedMail(d, actions, scope));
    }

    /** The mail {@link #decided} asks for; also what a decision's preview shows staff before they submit. */
    static MailRequest decidedMail(DecisionEntity d, List<ModerationAction> actions, List<String> scope) {
        Map<String, String> p = new HashMap<>();
        p.put("decisionId", d.id.toString());
        p.put("caseId", d.caseId.toString());
        p.put("subject", d.subjectKey);
        p.put("actions", codes(actions));
        if (d.ground != null) {
            p.put("ground", d.ground.label());
        }
        p.put("category", d.category.title());
        if (d.subcategory != null) {
            p.put("subcategory", d.subcategory.label());
        }
        p.put("territorialScope", String.join(", ", scope));
        if (d.endDate != null) {
            p.put("restrictionEnds", d.endDate.toString());
        }
        p.put("facts", d.facts);
        p.put("explanation", d.explanation);
        p.put("policyVersion", d.policyVersion);
        p.put("automated", Boolean.toString(d.automatedDecision != AutomatedDecision.AUTOMATED_DECISION_NOT_AUTOMATED));
        // DSA Art. 20: the internal complaint stays open for at least six months after the decision.
        p.put(
                "appealDeadline",
                d.decidedAt.atZone(ZoneOffset.UTC).plusMonths(6).toInstant().toString());
        p.put("decidedAt", d.decidedAt.toString());
        return onDecision(MailTemplateId.OWNER_DECISION, d, d.id, p);
    }

    /** Restrictions were lifted; on the thread of the decision that imposed them: a reply contests what remains of it. */
    Uni<Void> reversed(DecisionEntity reversal, DecisionEntity original, List<ModerationAction> lifted, String reason) {
        Map<String, String> p = Map.of(
                "decisionId",
                reversal.id.toString(),
                "reversedDecisionId",
                original.id.toString(),
                "subject",
                original.subjectKey,
                "actionsLifted",
                codes(lifted),
                "reason",
                reason);
        return mail.send(onDecision(MailTemplateId.DECISION_REVERSED, reversal, original.id, p));
    }

    /** The owner is asked to change the subject by a deadline; a reply on the case's thread is their answer. */
    Uni<Void> changesRequested(CaseEntity c, DecisionEntity d, OwnerRequestEntity r) {
        return mail.send(changesRequestedMail(c, d, r));
    }

    /** The mail {@link #changesRequested} asks for; also what a decision's preview shows staff. */
    static MailRequest changesRequestedMail(CaseEntity c, DecisionEntity d, OwnerRequestEntity r) {
        Map<String, String> p = Map.of(
                "caseId",
                c.id.toString(),
                "subject",
                c.subjectKey,
                "requestedChanges",
                r.message,
                "deadline",
                r.deadline.toString(),
                "category",
                d.category.title(),
                "explanation",
                d.explanation);
        return MailRequest.to(MailTemplateId.OWNER_CHANGES_REQUESTED, r.ownerEmail, r.ownerId)
                .parameters(p)
                .thread(caseThread(c.id), Mailboxes.SAFETY)
                .once(MailTemplateId.OWNER_CHANGES_REQUESTED.id() + ":" + r.id)
                .locale(d.ownerLocale);
    }

    /** Mail about a decision: on its {@code decision:} thread, replies to legal@, where complaints go (the policy says so). */
    private static MailRequest onDecision(
            MailTemplateId template, DecisionEntity d, UUID threadDecision, Map<String, String> p) {
        return MailRequest.to(template, d.ownerEmail, d.ownerId)
                .parameters(p)
                .thread(decisionThread(threadDecision), Mailboxes.LEGAL)
                .once(template.id() + ":" + d.id)
                .locale(d.ownerLocale);
    }

    private static String codes(List<ModerationAction> actions) {
        return actions.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
